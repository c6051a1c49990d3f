"""Scoring helpers: ``python -m rashomon.eval TASK --data FILE`` writes predictions for ../shared/bench."""

from rashomon.eval.tasks import TASKS, predict

__all__ = ["TASKS", "predict"]
