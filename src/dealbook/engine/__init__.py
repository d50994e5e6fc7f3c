"""The replay engine: from terms and events to obligations, deadlines and figures."""

from __future__ import annotations
