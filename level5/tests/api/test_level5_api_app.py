"""Every endpoint of the API and every error it promises, through Flask's test client."""

from __future__ import annotations

import shutil

import pytest

from level5.api.models import EXAMPLE_DISTRICT

PREDICT = "/v1/models/{}/predict"
HOUSE = EXAMPLE_DISTRICT
FLOWER = {"sepal_length": 5.1, "sepal_width": 3.5, "petal_length": 1.4, "petal_width": 0.2}
SPAM = "WINNER!! You have won a £1000 prize. Call 09061701461 now to claim"
HAM = "Are we still on for dinner tonight? I'll bring the cake"


def assert_problem(response, status):
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    body = response.get_json(force=True)
    assert body["status"] == status
    assert body["title"]
    assert body["detail"]
    assert "Traceback" not in response.get_data(as_text=True)
    return body


def test_health_and_ready_list_the_models(client):
    assert client.get("/health").get_json() == {"status": "ok"}
    ready = client.get("/ready")
    assert ready.status_code == 200
    assert ready.get_json()["models"] == ["housing", "iris", "sentiment", "spam"]


def test_models_lists_versions_and_training_metrics(client):
    models = {m["name"]: m for m in client.get("/v1/models").get_json()["models"]}
    assert set(models) == {"spam", "sentiment", "housing", "iris"}
    assert models["housing"]["kind"] == "level2.housing"
    assert len(models["spam"]["version"]) == 12
    assert "cv_rmse" in models["housing"]["metrics"]


def test_one_spam_message_and_one_ham(client):
    for text, label in ((SPAM, "spam"), (HAM, "ham")):
        answer = client.post(PREDICT.format("spam"), json={"input": {"text": text}}).get_json()
        (prediction,) = answer["predictions"]
        assert prediction["label"] == label
        assert answer["model"] == "spam"
        assert answer["version"]


def test_a_batch_keeps_the_order_of_its_inputs(client):
    texts = [SPAM, HAM] * 16
    answer = client.post(PREDICT.format("spam"), json={"inputs": [{"text": t} for t in texts]})
    assert [p["label"] for p in answer.get_json()["predictions"]] == ["spam", "ham"] * 16


def test_every_kind_of_model_answers(client):
    house = client.post(PREDICT.format("housing"), json={"input": HOUSE}).get_json()
    (value,) = house["predictions"]
    assert value["interval"][0] < value["value"] < value["interval"][1]
    flower = client.post(PREDICT.format("iris"), json={"input": FLOWER}).get_json()
    assert flower["predictions"][0]["label"] == "setosa"
    review = client.post(PREDICT.format("sentiment"), json={"input": {"text": "Great, love it"}})
    assert 0 <= review.get_json()["predictions"][0]["probability"] <= 1


def test_bad_items_get_field_level_messages(client):
    body = {"inputs": [{"text": "fine"}, {"text": ""}, {"txt": "typo"}]}
    problem = assert_problem(client.post(PREDICT.format("spam"), json=body), 422)
    assert {e["loc"] for e in problem["errors"]} == {
        "inputs/1/text",
        "inputs/2/text",
        "inputs/2/txt",
    }


@pytest.mark.parametrize(
    ("field", "value"),
    [("sepal_length", "5.1"), ("sepal_length", -1), ("petal_width", True), ("extra", 1.0)],
)
def test_numbers_must_be_json_numbers_in_range(client, field, value):
    problem = assert_problem(
        client.post(PREDICT.format("iris"), json={"input": {**FLOWER, field: value}}), 422
    )
    assert problem["errors"][0]["loc"] == f"input/{field}"


def test_not_a_number_is_refused(client):
    body = '{"input": {"sepal_length": NaN, "sepal_width": 3.5, "petal_length": 1.4, "petal_width": 0.2}}'
    response = client.post(PREDICT.format("iris"), data=body, content_type="application/json")
    assert_problem(response, 422)


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"input": {"text": "a"}, "inputs": [{"text": "b"}]},
        {"inputs": []},
        {"inputs": "text"},
        [],
    ],
)
def test_a_body_needs_exactly_one_of_input_or_inputs(client, body):
    assert_problem(client.post(PREDICT.format("spam"), json=body), 422)


def test_a_batch_over_the_limit_is_refused(client, solution):
    limit = solution("level5.api").MAX_BATCH
    body = {"inputs": [{"text": "x"}] * (limit + 1)}
    problem = assert_problem(client.post(PREDICT.format("spam"), json=body), 422)
    assert str(limit) in problem["errors"][0]["msg"]


def test_http_errors_are_problems_too(client):
    assert_problem(client.post(PREDICT.format("nope"), json={"input": {"text": "x"}}), 404)
    assert_problem(client.get("/no/such/url"), 404)
    wrong_method = assert_problem(client.delete(PREDICT.format("spam")), 405)
    assert wrong_method["status"] == 405
    assert "POST" in client.get(PREDICT.format("spam")).headers["Allow"]
    assert_problem(client.post(PREDICT.format("spam"), data="text=hi"), 415)
    assert_problem(
        client.post(PREDICT.format("spam"), data="{nope", content_type="application/json"), 400
    )


def test_a_body_over_the_limit_is_413(client, solution):
    big = b'{"input": {"text": "' + b"x" * solution("level5.api").MAX_BODY + b'"}}'
    assert_problem(
        client.post(PREDICT.format("spam"), data=big, content_type="application/json"), 413
    )


def test_an_unexpected_error_is_a_500_without_a_trace(solution, model_folder):
    app = solution("level5.api").create_app(model_folder)

    @app.get("/boom")
    def boom():
        raise RuntimeError("secret internals")

    response = app.test_client().get("/boom")
    assert_problem(response, 500)
    assert "secret" not in response.get_data(as_text=True)


def test_reload_needs_the_bearer_token(client, reload_token):
    refused = client.post("/v1/admin/reload", headers={"Authorization": "Bearer wrong"})
    assert_problem(refused, 401)
    assert refused.headers["WWW-Authenticate"] == "Bearer"
    assert_problem(client.post("/v1/admin/reload"), 401)
    ok = client.post("/v1/admin/reload", headers={"Authorization": f"Bearer {reload_token}"})
    assert ok.status_code == 200
    assert "spam" in ok.get_json()["models"]


def test_reload_is_off_without_a_token(solution, model_folder):
    app = solution("level5.api").create_app(model_folder)
    response = app.test_client().post("/v1/admin/reload", headers={"Authorization": "Bearer "})
    assert_problem(response, 404)


def test_reload_swaps_in_the_new_folder(solution, model_folder, tmp_path, reload_token):
    folder = tmp_path / "models"
    shutil.copytree(model_folder / "iris", folder / "iris")
    client = solution("level5.api").create_app(folder, reload_token=reload_token).test_client()
    shutil.copytree(model_folder / "spam", folder / "spam")
    assert client.post(PREDICT.format("spam"), json={"input": {"text": "x"}}).status_code == 404
    client.post("/v1/admin/reload", headers={"Authorization": f"Bearer {reload_token}"})
    assert client.post(PREDICT.format("spam"), json={"input": {"text": "x"}}).status_code == 200


def test_not_ready_without_a_loadable_model(solution, tmp_path):
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "metadata.json").write_text("{not json")
    ready = solution("level5.api").create_app(tmp_path).test_client().get("/ready")
    assert ready.status_code == 503
    body = ready.get_json()
    assert body["ready"] is False
    assert body["failures"][0]["name"] == "broken"


def test_a_queued_job_is_accepted_with_its_location(client):
    response = client.post("/v1/jobs", json={"model": "spam", "inputs": [{"text": SPAM}]})
    assert response.status_code == 202
    location = response.headers["Location"]
    status = client.get(location).get_json()
    assert status["id"] == response.get_json()["id"]
    assert status["status"] == "queued"
    assert status["model"] == "spam"


def test_queued_items_are_validated_like_predictions(client):
    problem = assert_problem(
        client.post("/v1/jobs", json={"model": "iris", "inputs": [FLOWER, {"text": "x"}]}), 422
    )
    assert all(e["loc"].startswith("inputs/1/") for e in problem["errors"])
    assert_problem(client.post("/v1/jobs", json={"model": "nope", "inputs": [FLOWER]}), 404)
    assert_problem(client.get("/v1/jobs/no-such-job"), 404)


def test_jobs_are_503_when_redis_is_down(solution, model_folder):
    app = solution("level5.api").create_app(model_folder, redis_url="redis://127.0.0.1:9/0")
    response = app.test_client().post("/v1/jobs", json={"model": "spam", "inputs": [{"text": "x"}]})
    assert "Redis" in assert_problem(response, 503)["detail"]


def test_metrics_count_requests_by_route(client):
    client.post(PREDICT.format("spam"), json={"inputs": [{"text": "a"}, {"text": "b"}]})
    text = client.get("/metrics").get_data(as_text=True)
    assert (
        'level5_api_requests_total{method="POST",route="/v1/models/<name>/predict",status="200"}'
        in text
    )
    assert 'level5_api_predictions_total{model="spam"}' in text


def test_openapi_documents_every_route_and_model(app, client):
    document = client.get("/openapi.json").get_json()
    assert document["openapi"].startswith("3.1")
    documented = set(document["paths"])
    for rule in app.url_map.iter_rules():
        if rule.endpoint in ("static",):
            continue
        path = rule.rule.replace("<job_id>", "{job_id}")
        if "<name>" in path:
            assert {path.replace("<name>", n) for n in ("spam", "iris")} <= documented
        else:
            assert path in documented
    schemas = document["components"]["schemas"]
    assert schemas["TextInput"]["properties"]["text"]["maxLength"] == 5000
