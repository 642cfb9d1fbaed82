import threading

_state = threading.local()


def set_username(name):
    """Test hook: what Flask's g.user would hold."""
    _state.name = name


def get_username():
    return getattr(_state, "name", None)
