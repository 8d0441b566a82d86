"""Starting test jobs at the same instant (concurrency tests of leave requests)."""

from __future__ import annotations

import threading


def run_together(jobs):
    """Run callables in threads released at the same moment; their results in order."""
    barrier = threading.Barrier(len(jobs))
    results: list = [None] * len(jobs)

    def worker(index, job):
        barrier.wait()
        try:
            results[index] = job()
        except Exception as error:  # reported through the results
            results[index] = error

    threads = [threading.Thread(target=worker, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
