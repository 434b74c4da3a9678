"""Where an export goes (a path or an open stream) and the streaming writer base class."""

from __future__ import annotations

import abc
import os
from types import TracebackType
from typing import IO, Any, BinaryIO, ClassVar, Self, TextIO, cast

from ..model import Document

__all__ = ["Target", "Writer"]

#: A file path, or an open stream: text (opened with ``newline=""``) for CSV, PLOVER and
#: Phoenix, binary for Parquet. A stream is written to but not closed.
Target = str | os.PathLike[str] | IO[Any]


class Writer(abc.ABC):
    """Writes documents one at a time to one output; use it as a context manager.

    Memory does not grow with the number of documents written: each document's
    records are written (or, for Parquet, buffered up to one row group) as it comes.
    ``count`` is the number of records written so far.
    """

    #: The format's name (``--to``/``--format`` on the command line).
    format: ClassVar[str]
    #: True if the output is bytes (Parquet), False if it is UTF-8 text.
    binary: ClassVar[bool] = False

    def __init__(self, target: Target) -> None:
        self.count = 0
        self._target = target
        self._owned: IO[Any] | None = None
        self._closed = False

    def _open(self, mode: str) -> IO[Any]:
        target = self._target
        if isinstance(target, str | os.PathLike):
            if "b" in mode:
                self._owned = open(target, mode)  # noqa: SIM115 - closed by close()
            else:
                self._owned = open(target, mode, encoding="utf-8", newline="")  # noqa: SIM115
            return self._owned
        return target

    def _text_stream(self) -> TextIO:
        return cast(TextIO, self._open("w"))

    def _binary_stream(self) -> BinaryIO:
        return cast(BinaryIO, self._open("wb"))

    @abc.abstractmethod
    def write(self, document: Document) -> int:
        """Write the records of one document; return how many were written."""

    def _finish(self) -> None:  # noqa: B027 - optional hook, most formats have nothing to add
        """Write what is still buffered (a format's footer, the last row group)."""

    def close(self) -> None:
        """Finish the output; close the file if the writer opened it."""
        if self._closed:
            return
        self._closed = True
        try:
            self._finish()
            if self._owned is None and hasattr(self._target, "flush"):
                cast(IO[Any], self._target).flush()
        finally:
            if self._owned is not None:
                self._owned.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
