"""A stand-in for the parts of Flask the mutator reads: current_app.config
(Superset's settings), has_app_context(), and the request being served
(has_request_context(), request.get_json()).  Tests enter an app context
with app_context(config) and a request with request_context(json)."""
import contextlib
import threading

_state = threading.local()


class _App:
    def __init__(self, config):
        self.config = config


class _CurrentApp:
    @property
    def config(self):
        app = getattr(_state, "app", None)
        if app is None:
            raise RuntimeError("Working outside of application context.")
        return app.config


class _Request:
    def get_json(self, silent=False):
        body = getattr(_state, "json", None)
        if body is None and not silent:
            raise ValueError("no JSON body")
        return body


current_app = _CurrentApp()
request = _Request()


def has_app_context():
    return getattr(_state, "app", None) is not None


def has_request_context():
    return getattr(_state, "in_request", False)


@contextlib.contextmanager
def app_context(config):
    """Test hook: what `with app.app_context():` makes current."""
    saved = getattr(_state, "app", None)
    _state.app = _App(config)
    try:
        yield _state.app
    finally:
        _state.app = saved


@contextlib.contextmanager
def request_context(json_body):
    """Test hook: a request whose JSON body is json_body."""
    saved = getattr(_state, "in_request", False), getattr(_state, "json", None)
    _state.in_request, _state.json = True, json_body
    try:
        yield
    finally:
        _state.in_request, _state.json = saved
