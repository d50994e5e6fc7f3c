"""Reports: overviews, schedules, explain trees and renderers."""

from __future__ import annotations
