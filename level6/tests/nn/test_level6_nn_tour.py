"""The tour step runs every demonstration and reports them in one line."""

from level6.nn import tour


def test_tour_reports_the_perceptron_limit_and_the_learned_digits(tmp_path):
    result = tour.run(tmp_path)
    assert "never on xor" in result.key_result
    assert "solves xor" in result.key_result
    assert all(path.is_file() for path in result.files)
