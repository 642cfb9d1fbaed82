class SupersetException(Exception):
    pass


class QueryObjectValidationError(SupersetException):
    pass
