"""Reading labelled tables: formats, defaults, and every refusal as one clear message."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "header", "expected"),
    [
        ("data.csv", True, (",", True, "text", "label")),
        ("data.tsv", True, ("\t", False, "text", "label")),
        ("amazon_cells_labelled.txt", False, ("\t", False, "0", "1")),
    ],
)
def test_format_defaults_follow_the_file_name(solution, name, header, expected):
    fmt = solution("level1.textclf").table_format(name, header=header)
    assert (fmt.sep, fmt.quoting, fmt.text_col, fmt.label_col) == expected


def test_separator_spelled_as_an_escape(solution):
    mod = solution("level1.textclf")
    assert mod.table_format("x.csv", sep="\\t").sep == "\t"
    assert mod.table_format("x.csv", sep="tab").sep == "\t"
    with pytest.raises(mod.TableError, match="one character"):
        mod.table_format("x.csv", sep=";;")


def test_csv_with_header_quotes_and_blank_rows(solution, tmp_path):
    mod = solution("level1.textclf")
    path = write(
        tmp_path,
        "reviews.csv",
        'id,review,stars\n1,"Great, really great",pos\n2,Awful,neg\n3,,neg\n4,Fine,\n'
        "5,Awful,neg\n6,Superb,pos\n7,Terrible,neg\n",
    )
    fmt = mod.table_format(path, text_col="review", label_col="stars")
    data = mod.read_labelled(path, fmt)
    assert data.texts.tolist() == ["Great, really great", "Awful", "Superb", "Terrible"]
    assert data.labels.tolist() == ["pos", "neg", "pos", "neg"]
    assert (data.blank_rows, data.duplicates_removed) == (2, 1)
    assert data.classes == ["neg", "pos"]


def test_headerless_tsv_keeps_quotes_as_text(solution, tmp_path):
    mod = solution("level1.textclf")
    path = write(
        tmp_path,
        "imdb.txt",
        '"The best film" of the year.  \t1\nA "so-so" plot\t0\n"Dull\t0\nLoved it\t1\n',
    )
    data = mod.read_labelled(path, mod.table_format(path, header=False))
    assert data.texts.tolist() == [
        '"The best film" of the year.',
        'A "so-so" plot',
        '"Dull',
        "Loved it",
    ]
    assert data.labels.tolist() == ["1", "0", "0", "1"]


@pytest.mark.parametrize(
    ("content", "options", "message"),
    [
        ("", {}, "is empty"),
        ("text,label\n", {}, "no rows with both a text and a label"),
        (
            "review,label\ngood,1\nbad,0\n",
            {},
            "has no column 'text'; its columns are: review, label",
        ),
        ("good\t1\nbad\t0\n", {"header": False, "label_col": "2"}, "has 2 column(s)"),
        ("good\t1\nbad\t0\n", {"header": False, "text_col": "review"}, "columns are numbers"),
        ("text,label\ngood,1\nfine,1\n", {}, "a single label ('1')"),
        ("text,label\ngood,1\nfine,1\nbad,0\n", {}, "label '0' has a single example"),
        ('text,label\n"unclosed,1\n', {}, "cannot be read"),
    ],
)
def test_unusable_tables_are_refused(solution, tmp_path, content, options, message):
    mod = solution("level1.textclf")
    suffix = ".txt" if options.get("header") is False else ".csv"
    path = write(tmp_path, f"data{suffix}", content)
    with pytest.raises(mod.TableError) as caught:
        mod.read_labelled(path, mod.table_format(path, **options))
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_evaluation_data_may_hold_one_label(solution, tmp_path):
    mod = solution("level1.textclf")
    path = write(tmp_path, "only_positive.csv", "text,label\ngood,1\nfine,1\n")
    assert len(mod.read_labelled(path, mod.table_format(path), need_classes=False)) == 2


cells = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=20
)


@settings(max_examples=40)
@given(rows=st.lists(st.tuples(cells, st.sampled_from(["a", "b", "c"])), min_size=1, max_size=15))
def test_any_csv_written_by_the_csv_module_reads_back(solution, tmp_path_factory, rows):
    import csv

    mod = solution("level1.textclf")
    path = tmp_path_factory.mktemp("csv") / "data.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "label"])
        writer.writerows(rows)
    data = mod.read_labelled(path, mod.table_format(path), need_classes=False)
    expected = {}
    for text, label in rows:
        if text.strip():
            expected.setdefault(text.strip(), label)
    assert dict(zip(data.texts.tolist(), data.labels.tolist(), strict=True)) == expected


def test_a_table_that_is_not_utf8_is_refused_with_its_name(solution, tmp_path):
    # Issue 10: a Latin-1 file used to fail with the codec's message and no file name.
    mod = solution("level1.textclf")
    path = tmp_path / "latin1.csv"
    path.write_bytes(("text,label\n" + "good,1\nbad,0\n" * 5000 + "café,1\n").encode("latin-1"))
    with pytest.raises(mod.TableError) as caught:
        mod.read_labelled(path, mod.table_format(path))
    assert str(caught.value) == (
        f"{path} is not UTF-8 text (it holds the byte 0xe9); save it as UTF-8 and try again"
    )
