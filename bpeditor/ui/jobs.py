"""Work off the GUI thread: a job, the thread-pool runner, and the status bar's job bar.

A job's result is handled on the GUI thread unless it was cancelled; a cancelled job's result is
discarded (its ``discard`` undoes what the worker left behind), so cancelling leaves everything
as it was.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


class Job(QObject):
    """Work running in a worker thread; its result is handled on the GUI thread unless cancelled.

    ``finished`` carries ``"done"``, ``"failed"`` or ``"cancelled"``, once, on the GUI thread.
    """

    finished = Signal(str)
    stopped = Signal()
    """The worker is done and its result handled or discarded (on the GUI thread)."""
    _delivered = Signal()

    def __init__(
        self,
        label: str,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
        *,
        discard: Callable[[Any], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.label = label
        self.work = work
        self.on_done = on_done
        self.on_failed = on_failed
        self.discard = discard
        self.cancelled = False
        self.outcome = ""
        self.result: Any = None
        self.error: BaseException | None = None
        self.ran = False
        self._delivered.connect(self._deliver)

    def run_in_worker(self) -> None:
        """The worker thread's part: run the work, keep its result, tell the GUI thread."""
        try:
            self.result = self.work()
        except BaseException as exc:  # reported on the GUI thread
            self.error = exc
        self.ran = True
        self._delivered.emit()

    def cancel(self) -> None:
        """Drop the outcome (on the GUI thread); a result that arrives later is discarded."""
        if self.outcome:
            return
        self.cancelled = True
        self.outcome = "cancelled"
        self.finished.emit(self.outcome)

    def discard_result(self) -> None:
        """Undo what the worker left behind for a result nobody will use (GUI thread)."""
        result, self.result = self.result, None
        if result is not None and self.discard is not None:
            with contextlib.suppress(Exception):
                self.discard(result)

    @Slot()
    def _deliver(self) -> None:
        if self.cancelled:
            self.discard_result()
        elif not self.outcome:
            if self.error is not None:
                self.outcome = "failed"
                self.on_failed(self.error)
            else:
                self.outcome = "done"
                self.on_done(self.result)
            self.finished.emit(self.outcome)
        self.stopped.emit()


class _Runner(QRunnable):
    """Runs a job's work in the thread pool."""

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        """Run the job's work."""
        self.job.run_in_worker()


class JobBar(QWidget):
    """The status bar's label, busy progress bar and cancel button for a running job."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jobBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        self.label = QLabel(self)
        self.label.setObjectName("jobLabel")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("jobProgress")
        self.progress.setRange(0, 0)  # busy: the readers and writers do not report progress
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.setObjectName("jobCancelButton")
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button)
        self.hide()


class JobRunner(QObject):
    """Runs jobs in a thread pool, showing the newest running one in a :class:`JobBar`."""

    def __init__(
        self,
        bar: JobBar,
        on_busy: Callable[[bool], None],
        on_cancelled: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.bar = bar
        self._on_busy = on_busy
        self._on_cancelled = on_cancelled
        self.pool = QThreadPool(self)
        self.jobs: list[Job] = []
        bar.cancel_button.clicked.connect(self.cancel_all)

    @property
    def busy(self) -> bool:
        """Whether a job is running (and not cancelled)."""
        return any(not job.outcome for job in self.jobs)

    def start(
        self,
        label: str,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
        discard: Callable[[Any], None] | None = None,
    ) -> Job:
        """Run ``work`` in a worker thread with the progress bar and cancel button shown."""
        job = Job(label, work, on_done, on_failed, discard=discard, parent=self)
        job.finished.connect(self._update_bar)
        job.stopped.connect(lambda j=job: self._forget(j))
        self.jobs.append(job)
        self._update_bar()
        self.pool.start(_Runner(job))
        return job

    def cancel_all(self) -> None:
        """Cancel every running job: nothing it did is kept."""
        active = [job for job in self.jobs if not job.outcome]
        for job in active:
            job.cancel()
        if active:
            self._on_cancelled()

    def _forget(self, job: Job) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
            job.deleteLater()

    def _update_bar(self) -> None:
        active = [job for job in self.jobs if not job.outcome]
        self._on_busy(bool(active))
        if active:
            self.bar.label.setText(active[-1].label)
            self.bar.show()
        else:
            self.bar.hide()

    def wait(self) -> None:
        """Block until every worker has stopped, discarding the results of cancelled jobs."""
        self.pool.waitForDone()
        for job in list(self.jobs):
            if job.cancelled:
                job.discard_result()
                self._forget(job)
