"""The pymilvus 1.x client the Python runner predefines as ``milvus`` for pages written against the
pymilvus 1.x API (conformance/src/runners/python.ts, ``prelude1x``); loaded with ``runpy.run_path``.

pymilvus 1.x answers a refused call with a ``Status`` (or a tuple starting with one) instead of
raising. ``checked(client)`` wraps a ``Milvus`` client so that such a call raises
``Milvus1xStatusError``: a block whose call the server refused fails, as a reader would notice.
"""
from milvus import Milvus, Status


class Milvus1xStatusError(Exception):
    """A pymilvus 1.x call the server refused: its Status code and message."""

    def __init__(self, method, status):
        super().__init__(f"{method} answered {status}")
        self.code, self.message = status.code, status.message


class Checked:
    """A pymilvus 1.x client whose calls raise Milvus1xStatusError on a non-OK Status."""

    def __init__(self, client):
        self._client = client

    def __getattr__(self, name):
        attr = getattr(self._client, name)
        if not callable(attr):
            return attr

        def call(*args, **kwargs):
            answer = attr(*args, **kwargs)
            status = answer[0] if isinstance(answer, tuple) and answer else answer
            if isinstance(status, Status) and not status.OK():
                raise Milvus1xStatusError(name, status)
            return answer

        return call


def checked(host, port):
    """A checked ``Milvus(host, port)``."""
    return Checked(Milvus(host, port))
