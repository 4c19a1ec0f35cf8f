"""Detection of personal data in document texts: the presidio engine, Danish recognizers,
case-level propagation and allowlists.  Public API: ``aktindsigt.detect.engine``."""

from aktindsigt.detect.engine import Detection, DetectionEngine, baseline_engine

__all__ = ["Detection", "DetectionEngine", "baseline_engine"]
