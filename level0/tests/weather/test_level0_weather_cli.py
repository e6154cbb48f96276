"""The command line end to end against a local server, its errors, and the offline tour."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from level0.weather.__main__ import main

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "level0.weather", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )


def test_json_forecast_via_the_environment(lisbon_server, tmp_path, httpserver):
    env = {"MLROADMAP_WEATHER_URL": lisbon_server, "MLROADMAP_WEATHER_CACHE": str(tmp_path)}
    result = cli("Lisbon", "--days", "5", "--json", env=env)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["place"]["country"] == "Portugal"
    assert [day["date"] for day in report["days"]][-1] == "2025-06-06"
    assert report["units"]["temperature_2m_max"] == "°C"
    assert len(list(tmp_path.glob("*.json"))) == 2  # both answers cached where the env var said
    assert len(httpserver.log) == 2


def test_unknown_city_exits_2_with_one_line(httpserver, base_url, tmp_path, fixture_data):
    httpserver.expect_request("/v1/search").respond_with_json(fixture_data("geocoding_no_results"))
    result = cli("Atlantis", "--base-url", base_url, "--no-cache", env={})
    assert result.returncode == 2
    assert result.stderr == "error: no place called 'Atlantis' is known to the geocoding service\n"


def test_table_and_plot(lisbon_server, tmp_path, capsys):
    png = tmp_path / "lisbon.png"
    args = [
        "Lisbon",
        "--days",
        "5",
        "--base-url",
        lisbon_server,
        "--cache-dir",
        str(tmp_path / "c"),
    ]
    assert main([*args, "--plot", str(png)]) == 0
    out = capsys.readouterr().out
    assert "Lisbon, Portugal" in out
    assert "2025-06-05  light rain" in out
    assert png.read_bytes().startswith(PNG_MAGIC)


def test_an_empty_city_is_a_usage_error(capsys):
    assert main(["  ", "--base-url", "http://127.0.0.1:9/v1", "--no-cache"]) == 2
    assert "the city name is empty" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--days", "0"], "--days: must be an integer from 1 to 16, got 0"),
        (["--days", "17"], "--days: must be an integer from 1 to 16, got 17"),
        (["--timeout", "0"], "--timeout: must be a number from 0.1 to 300.0, got 0"),
        (["--timeout", "nan"], "--timeout: must be a number from 0.1 to 300.0, got nan"),
        (["--retries", "99999999999999999999999"], "--retries: must be an integer from 0 to 5"),
    ],
)
def test_out_of_range_numbers_are_usage_errors(args, message, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["Lisbon", *args, "--base-url", "http://127.0.0.1:9/v1", "--no-cache"])
    assert exited.value.code == 2
    assert message in capsys.readouterr().err


def test_the_cli_spells_out_the_client_constants():
    from level0.weather import __main__ as cli_main
    from level0.weather import client

    assert (cli_main.BASE_URL_ENV, cli_main.MAX_DAYS) == (client.BASE_URL_ENV, client.MAX_DAYS)


def test_the_legend_sits_outside_the_axes(lisbon_server, tmp_path, monkeypatch):
    """Issue 10: the legend overlapped the data; it now sits below the plot, outside the axes."""
    from level0.weather import WeatherClient
    from level0.weather.plot import plot_forecast

    with WeatherClient(lisbon_server, cache=None) as client:
        place = client.geocode("Lisbon")
        forecast = client.forecast(place, days=5)
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figures = []
    original = Figure.savefig

    def keep(self, *args, **kwargs):
        figures.append(self)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Figure, "savefig", keep)
    plot_forecast(place, forecast, tmp_path / "f.png")
    (fig,) = figures
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)  # the constrained layout, as in the saved PNG
    (legend,) = fig.legends
    box = legend.get_window_extent(renderer)
    for ax in fig.axes:
        assert ax.get_legend() is None
        assert not box.overlaps(ax.get_window_extent(renderer))


def test_server_failure_exits_1_with_one_line(httpserver, base_url, capsys):
    httpserver.expect_request("/v1/search").respond_with_data("down", status=500)
    assert main(["Lisbon", "--base-url", base_url, "--no-cache", "--retries", "0"]) == 1
    err = capsys.readouterr().err
    assert err == f"error: {base_url}/search answered HTTP 500 (1 attempt(s))\n"


def test_malformed_answer_exits_1(httpserver, base_url, capsys):
    httpserver.expect_request("/v1/search").respond_with_data("<html>", content_type="text/html")
    assert main(["Lisbon", "--base-url", base_url, "--no-cache"]) == 1
    assert "did not answer with JSON: '<html>'" in capsys.readouterr().err


def test_tour_runs_the_client_against_a_local_server(tmp_path):
    from level0.weather import tour

    result = tour.run(tmp_path)
    assert result.data == "local server"
    assert "Lisbon, Portugal" in result.key_result
    assert "2 answers cached" in result.key_result
    assert [p.name for p in result.files] == ["lisbon_forecast.json", "lisbon_forecast.png"]
    report = json.loads((tmp_path / "lisbon_forecast.json").read_text("utf-8"))
    assert len(report["days"]) == 5
    assert (tmp_path / "lisbon_forecast.png").read_bytes().startswith(PNG_MAGIC)


def test_fixture_server_answers_like_open_meteo(weather):
    import requests

    with weather.serve_fixtures() as base:
        lisbon = requests.get(f"{base}/search", params={"name": " lisbon "}, timeout=5).json()
        nowhere = requests.get(f"{base}/search", params={"name": "Atlantis"}, timeout=5).json()
        missing = requests.get(f"{base}/nope", timeout=5)
    assert weather.parse_places(lisbon)[0].name == "Lisbon"
    assert weather.parse_places(nowhere) == []
    assert missing.status_code == 404
    assert missing.json()["error"] is True
