"""Run-time Danish NER: loading the shipped spaCy pipeline and evaluating it."""
