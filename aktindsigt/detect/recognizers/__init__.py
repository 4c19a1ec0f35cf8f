"""One small presidio recognizer per entity type (Danish); see ``all_recognizers``."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer


def all_recognizers() -> list[EntityRecognizer]:
    """Fresh instances of every rule-based recognizer (the NER one is added by the engine)."""
    from aktindsigt.detect.recognizers.address import DaAddressRecognizer
    from aktindsigt.detect.recognizers.bank import DaBankAccountRecognizer
    from aktindsigt.detect.recognizers.business_secret import DaBusinessSecretRecognizer
    from aktindsigt.detect.recognizers.card import DaCardRecognizer
    from aktindsigt.detect.recognizers.cpr import DaCprRecognizer
    from aktindsigt.detect.recognizers.cvr import DaCvrRecognizer
    from aktindsigt.detect.recognizers.email import DaEmailRecognizer
    from aktindsigt.detect.recognizers.iban import DaIbanRecognizer
    from aktindsigt.detect.recognizers.names import DaNamePatternRecognizer
    from aktindsigt.detect.recognizers.phone import DaPhoneRecognizer
    from aktindsigt.detect.recognizers.plate import DaPlateRecognizer
    from aktindsigt.detect.recognizers.sensitive import DaSensitiveRecognizer
    from aktindsigt.detect.recognizers.url import DaUrlRecognizer

    return [
        DaCprRecognizer(),
        DaPhoneRecognizer(),
        DaEmailRecognizer(),
        DaUrlRecognizer(),
        DaAddressRecognizer(),
        DaBankAccountRecognizer(),
        DaIbanRecognizer(),
        DaCardRecognizer(),
        DaPlateRecognizer(),
        DaCvrRecognizer(),
        DaSensitiveRecognizer(),
        DaBusinessSecretRecognizer(),
        DaNamePatternRecognizer(),
    ]
