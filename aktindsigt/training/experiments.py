"""What was tried (numbers measured on dev-B / held-out synthetic); pasted into the model card."""

EXPERIMENTS_MD = """## Experiments (what helped, what did not)

### Round 5 (issue #13): a second seed, four recipe variants, two rule steps, verifier features, pre-selection

A fold now trains in about a minute, so every recipe variant got the full 5-fold cross-validation and the
shipped recipe and one variant a second seed (10 runs: the spread below is over folds and seeds). Verifier
always fitted on the other folds' spans (both seeds' runs where there are two), threshold 0.35; "r5" = rules
v3 + the two new steps below. Sets 2 and 3 as before (never tuned on).

| run | recipe (5 folds x seeds) | news PER P / R / F1, rules v3 + verifier | news overall F1 | set 2 PER P / R | set 3 PER P / R | news PER F1 with r5 (set 3 P / R) |
| --- | --- | ---: | ---: | ---: | ---: | ---: |
| c18 | `char` (the shipped recipe), seeds 1 + 2 | 0.783 ± 0.038 / 0.900 ± 0.037 / 0.837 ± 0.023 | 0.743 ± 0.040 | 0.976 / 0.969 | 0.964 / 0.896 | **0.840 ± 0.022** (0.967 / 0.896) |
| c19 | `char-drop3`: dropout 0.3, seeds 1 + 2 | 0.788 ± 0.054 / 0.899 ± 0.036 / 0.839 ± 0.037 | 0.740 ± 0.048 | 0.972 / 0.969 | 0.967 / 0.895 | 0.840 ± 0.038 (0.971 / 0.896) |
| c20 | `char-drop4`: dropout 0.4, seed 1 | 0.783 ± 0.039 / 0.894 ± 0.037 / 0.834 ± 0.026 | 0.732 ± 0.035 | 0.968 / 0.972 | 0.965 / 0.905 | 0.838 ± 0.030 (0.967 / 0.905) |
| c21 | `char-steps3k`: 3,000 steps, seed 1 | 0.772 ± 0.051 / 0.898 ± 0.043 / 0.829 ± 0.020 | 0.727 ± 0.040 | 0.952 / 0.972 | 0.959 / 0.905 | 0.831 ± 0.023 (0.961 / 0.905) |
| c22 | `char-real8`: the real sentences 8 times instead of 5, seed 1 | 0.759 ± 0.045 / 0.912 ± 0.033 / 0.828 ± 0.034 | 0.736 ± 0.054 | 0.961 / 0.971 | 0.961 / 0.894 | 0.831 ± 0.036 (0.963 / 0.892) |
| c23 | `lessaug` (`base` embedding, 200 generated documents, no substituted copies), seed 1 | 0.797 ± 0.043 / 0.876 ± 0.053 / 0.833 ± 0.024 | 0.734 ± 0.038 | 0.974 / 0.950 | 0.945 / 0.878 | 0.834 ± 0.022 (0.948 / 0.876) |

Findings:

- **Seeds matter as much as any variant.** The shipped recipe scores 0.844 (seed 1) and 0.830 (seed 2) on
  the same folds. Dropout 0.3 first looked like a clear gain on seed 1 alone (0.807 / 0.922 / 0.860, overall
  0.752); its second seed (0.827) brought it back to a tie with the shipped recipe (0.839 vs 0.837). Not
  shipped; a one-seed result is not evidence, like one fold in round 3.
- **Dropout 0.4, 3,000 steps, more weight on the real sentences, lighter augmentation**: all at or below
  the shipped recipe on news text; more steps and more real sentences cost set-2 precision, lighter
  augmentation costs recall on both case-text sets (set 3 R 0.878). Not shipped.
- **Two rule steps ('r5', written, switched off)**: a PER with a digit or a slash between lower-case words is
  dropped in any text (the 'clean' step did it only where the text uses capitals, so "vejede 43,5 kg." in a
  sentence without capitals stayed a person), and a one-word organisation name ("Miljøklagenævnet",
  "Ankestyrelsen"; the detector's organisation head words) is an ORG. Small but the same sign on every
  variant and seed: +0.001 to +0.004 news PER F1, set 3 PER precision +0.002 to +0.004, recall unchanged.
  `make model` with r5 and the verifier fitted on both seeds gave a model (training is not bit-for-bit
  reproducible) with set 3 PER P / R 0.976 / 0.910 (shipped 0.959 / 0.901) but set 2 0.969 / 0.971 (0.980 /
  0.967), and in the detector (`scripts/bench_detect.py`, 300 pages) PERSON recall 0.9760 on the case texts
  (shipped 0.9775: one name fewer) and 0.9965 on the independent corpus (0.9978: three names fewer) at
  precision 0.9879 / 0.9935 (0.9879 / 0.9880). A missed name is a breach, an extra one a key press: the
  committed model was kept and the steps stay off (`rules.V3_STEPS`), to be taken with the next model that
  wins on recall too.
- **Verifier features** (c18's runs, r5): the neighbouring words themselves (hashed, 256 buckets) cost news
  recall (0.900 -> 0.876, F1 0.828); the other entities of the sentence 0.835; the tokens' shapes 0.837;
  both the first two 0.836 - all below the generic features alone (0.840). Not shipped: the verifier's
  generic features are as much as these 1,168 sentences support.
- **Pre-selection** (`python -m aktindsigt.training.verify_fit training-work/cv/char --post v3-persons
  --preselect`): the share of the kept PER spans whose verifier score reaches a cut, and how often those are
  persons (overlap a gold PER). At the score cap 0.95: news 0.927 ± 0.028 persons (63 % of the spans),
  set 2 0.999 (85 %), set 3 1.000 (74 %); at 0.90: news 0.908, set 2 0.999, set 3 0.996. The detector
  policy pre-selects a PERSON from 0.95 on (`resources/detect/policy.yaml`); the rest is left "Afventer".
- **Not run**: a wider tok2vec (width 96 would cost ~30 % speed, below the 10,000 words/s target);
  ensembles (half the speed); tok2vec pretraining (still no Danish raw text in a package whose licence
  allows it).

### Round 4 (issue #13): character embeddings on the full cross-validation (the shipped model)

Same 5 folds, seed 1, last model after 2000 steps, for the recipe before this round (`base`,
`NameFeatureEmbed.v2`) and with character embeddings (`char`, `NameFeatureEmbed.v3`: spaCy's
CharacterEmbed of the first and last 4 bytes of the word next to the hash embeddings and the lexicon
flags). Both were trained again for this round (the earlier `base` predictions were gone); `base` + rules
v3 'clean' + verifier reproduced the figures of round 3 exactly (0.796 / 0.893 / 0.840). Verifier
always fitted on the other folds' spans (plus the generated documents of a seed no model saw),
threshold 0.35; sets 2 and 3 with the verifier fitted on all out-of-fold spans.

| run | model, post-processing | news PER P / R / F1 | news overall F1 | news ORG F1 (rules, no verifier) | set 2 PER P / R | set 3 PER P / R | set 3 span R / P (rules, no verifier) |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |
| c11 | base, raw model | 0.643 ± 0.053 / 0.893 ± 0.033 / 0.746 ± 0.043 | 0.683 ± 0.045 | 0.442 | 0.886 / 0.920 | 0.928 / 0.929 | 0.939 / 0.945 |
| c12 | char, raw model | 0.669 ± 0.058 / 0.906 ± 0.028 / 0.769 ± 0.044 | 0.699 ± 0.050 | 0.428 | 0.903 / 0.923 | 0.959 / 0.946 | 0.948 / 0.963 |
| c13 | base, rules v3 + 'clean' + verifier (round 3's shipped pipeline) | 0.796 ± 0.065 / 0.893 ± 0.028 / 0.840 ± 0.038 | 0.730 ± 0.042 | 0.434 | 0.967 / 0.968 | 0.958 / 0.905 | 0.930 / 0.973 |
| c14 | base, + 'persons' step + verifier | 0.794 ± 0.063 / 0.893 ± 0.028 / 0.839 ± 0.037 | 0.730 ± 0.042 | 0.436 | 0.967 / 0.970 | 0.954 / 0.907 | 0.933 / 0.973 |
| c15 | char, rules v3 + 'clean' + verifier | 0.788 ± 0.046 / 0.903 ± 0.026 / 0.841 ± 0.028 | 0.739 ± 0.046 | 0.440 | 0.983 / 0.972 | 0.970 / 0.913 | 0.937 / 0.979 |
| **c16 (shipped)** | char, + 'persons' step + verifier | **0.788 ± 0.047 / 0.905 ± 0.025 / 0.842 ± 0.031** | **0.740 ± 0.047** | 0.442 | 0.983 / 0.973 | 0.970 / 0.913 | 0.939 / 0.979 |
| c17 | char, + 'persons' + verifier threshold 0.50 | 0.801 ± 0.044 / 0.902 ± 0.031 / 0.848 ± 0.032 | 0.743 ± 0.048 | | | | |

Findings:

- **Character embeddings** tie on news PER F1 (0.842 vs 0.840: far inside the spread of ±0.03 over the
  folds) but find more persons (recall 0.905 vs 0.893, raw model 0.906 vs 0.893), raise overall
  F1 by a point (0.740 vs 0.730), spread less over the folds (±0.031 vs ±0.038), and are better on both
  synthetic sets at once (set 2 PER P/R 0.983/0.973 vs 0.967/0.968, set 3 0.970/0.913 vs 0.958/0.905):
  shipped. The one-fold run of round 3 (c10) had pointed the other way; one fold is not evidence.
  Cost: ~10 % speed (see "Speed" above), no size to speak of.
- **The 'persons' step** (an ORG shaped like a person's name - first name known or unknown to every
  lexicon, capitalised words, no place, acronym or organisation head word, no organisation cue - becomes
  PER) was written because the `char` model called "Tyge Smed" (in "Tyge Smed har søgt om hjælp") ORG;
  on the cross-validation it is neutral to slightly positive for `char` (PER R 0.903 -> 0.905, set 3 span
  recall 0.937 -> 0.939) and neutral for `base` (-0.001 PER F1, set 3 span recall +0.003). Its first
  version also turned "Møllevang Børnehave", "Frydenhøj Friskole" into persons (set 3 PER precision
  0.972 -> 0.965 on fold 0); organisation head words and compounds ending in one now keep an ORG.
- A threshold of 0.50 scores a little higher on news text (c17) but was chosen neither here nor in
  round 3 (the threshold sweep is on the same folds, so it flatters the best threshold, and 0.50 costs
  case-text recall: set 2 0.972 -> 0.967, set 3 0.913 -> 0.907 in c15's sweep); kept at 0.35.
- **Not run** (CPU): a second seed of the `char` recipe, `lessaug`.

### Round 3 (issue #13): decided on cross-validation, not on dev-B (rules v3, verifier)

The model of round 2 scored 0.874 PER F1 on dev-B, the split its rules and recipe were chosen on, and
0.795 on the hidden test (PER precision 0.68): the choices did not transfer. Round 3 takes every decision
on 5-fold cross-validation over all 1,168 annotated sentences (train-10k + the whole dev file;
folds keep sentences that name the same person together) with the last model after 2000 steps
(`aktindsigt/training/cv.py`), and checks each on two synthetic sets that no choice was made on: set 2
(other templates, held-out foreign names) and set 3 (`casetexts.py`, independent code written before any
scoring, never changed after). Rules and the verifier were compared on the saved out-of-fold predictions
of the same fold models (`postprocess.py`, `verify_fit.py`), so they differ only in the step compared.
Figures: mean ± standard deviation over the test folds (seed 1); "set 3 span R" is the share of gold
names at least half inside a predicted PER.

| run | post-processing of the same out-of-fold predictions | news PER P / R / F1 | news LOC F1 | news ORG F1 | news overall F1 | news PER token recall | set 2 PER R | set 3 PER R | set 3 span R / P |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| c1 | the model alone (raw) | 0.645 ± 0.075 / 0.884 ± 0.038 / 0.744 ± 0.059 | 0.710 | 0.458 | 0.687 ± 0.049 | 0.982 | 0.917 | 0.918 | 0.929 / 0.953 |
| c2 | + v2 rules (round 2, chosen on dev-B) | 0.697 ± 0.089 / 0.880 ± 0.043 / 0.776 ± 0.064 | 0.731 | 0.456 | 0.707 ± 0.053 | 0.978 | 0.969 | 0.899 | 0.918 / 0.961 |
| c3 | + name-part merges | 0.710 ± 0.081 / 0.890 ± 0.030 / 0.788 ± 0.054 | 0.731 | 0.456 | 0.714 ± 0.050 | 0.980 | 0.969 | 0.899 | 0.918 / 0.961 |
| c4 | + organisation/place cues (no merges) | 0.701 ± 0.086 / 0.880 ± 0.043 / 0.778 ± 0.062 | 0.734 | 0.454 | 0.709 ± 0.052 | 0.978 | 0.969 | 0.899 | 0.918 / 0.971 |
| c5 | rules v3 = v2 + merges + cues | 0.714 ± 0.081 / 0.890 ± 0.030 / 0.790 ± 0.054 | 0.734 | 0.454 | 0.715 ± 0.049 | 0.980 | 0.969 | 0.899 | 0.918 / 0.971 |
| c6 | c5 + verifier, threshold 0.30 | 0.743 ± 0.080 / 0.890 ± 0.030 / 0.808 ± 0.052 | | | 0.723 ± 0.050 | | 0.967 | 0.890 | |
| **c7 (shipped)** | c5 + verifier, threshold 0.35 | **0.748 ± 0.081 / 0.886 ± 0.032 / 0.809 ± 0.055** | 0.734 | 0.454 | **0.724 ± 0.051** | 0.980 | 0.965 | 0.888 | |
| c8 | c5 + verifier, threshold 0.50 | 0.772 ± 0.073 / 0.871 ± 0.038 / 0.817 ± 0.048 | | | 0.727 ± 0.046 | | 0.962 | 0.878 | |
| c9 | v2 rules + verifier fitted on news spans only, threshold 0.30 (folds 0-1 only) | 0.800 / 0.806 / 0.803 (same folds without: 0.673 / 0.862 / 0.756) | | | 0.737 | | 0.841 | 0.864 | |
| c10 | character embeddings (`char`), rules v3, fold 0 only | 0.712 / 0.853 / 0.776 (base, same fold: 0.716 / 0.869 / 0.785) | 0.723 (0.756) | 0.300 (0.390) | 0.685 (0.713) | | 0.975 (0.975) | 0.913 (0.902) | 0.927 / 0.975 (0.921 / 0.963) |

The verifier thresholds were swept on the cross-validation (its own fits are always on the other folds),
so c6-c8 are mildly optimistic about the threshold chosen.

Findings:

- **The v2 rules** (round 2, chosen on dev-B) do help on unseen news text, but less than dev-B said:
  PER F1 0.744 -> 0.776 in cross-validation (dev-B: +4-7 points), and they cost recall on the
  independent case texts of set 3 (span recall 0.929 -> 0.918): a lone capitalised ordinary
  word ("Bager", "Krog") is dropped even when it is a surname. The detector's in-document name memory
  (`detect/recognizers/names.py`) wins those back.
- **Joining names the model cut in two** (initials + surname, "Peter de Neef") is the biggest rule gain:
  PER F1 0.776 -> 0.788, recall 0.880 -> 0.890.
- **Organisation and place cues that outrank the name lists** ("klubben", "byen", "ApS", "-skolen"):
  small on news text (0.788 -> 0.790), +1 points of PER precision on set 3. Kept.
- **The verifier** (a calibrated probability per PER, fitted on out-of-fold spans): fitted on news-text
  spans alone it raised news PER precision most (2 folds: 0.67 -> 0.80 at threshold 0.3) but cut set-2
  recall from 0.97 to 0.84 - it learnt that a lone unknown capitalised word is rarely a person, which is
  wrong in case texts. Fitted also on generated documents of a seed no fold model saw, it keeps the
  case texts (set 2 recall 0.965) and gains less on news (0.790 -> 0.809 PER F1 at threshold
  0.35, at a cost of one person in 307 in recall). Shipped with that threshold; its probability is the
  PERSON suggestion's score in the detector, so a policy can preselect only confident persons.
- **Character embeddings** (`NameFeatureEmbed.v3`, spaCy's CharacterEmbed next to the hash embeddings):
  one fold only (the machine was shared by seven jobs; a fold took 15-18 minutes instead of 3): news PER
  F1 0.776 vs 0.785 for the same fold without, overall F1 0.685 vs 0.713 (ORG 0.30 vs 0.39), but better
  case texts (set 2 PER F1 0.982 vs 0.962, set 3 0.935 vs 0.920). Not shipped: not enough evidence on
  news text, and it is ~10 % slower; worth a full cross-validation on a quieter machine.
- **Not run** (CPU: each recipe is 5 trainings): lighter augmentation (variant `lessaug` is defined),
  more seeds. **Ensembles** of two models would halve the speed (12,900 -> ~6,500 words/s, below the
  10,000 target). **tok2vec pretraining** needs Danish raw text from a package whose licence allows it;
  none was found on PyPI in a usable amount (wordfreq and spacy-lookups-data ship word lists, DaNLP and
  DaCy download their data at run time, which the product may not do); not tried.

### Round 2: lexicon features, lexicon-aware rules, less augmentation (the shipped model)

Round 1 (below) left news-text PER precision at ~0.6: capitalised ordinary words at a sentence
start ("Tilsyneladende", "Processen"), countries and clubs ("Bahrain", "Trabzonspor") were called PER.
Round 2 added three run-time lexicon flags to the embedding (`NameFeatureEmbed.v2`: ordinary Danish
word form from spaCy's lemma table, name in any Faker locale, place from CLDR/GeoNames), rules that use
them (`aktindsigt_name_rules_v2`), and re-balanced the training mix. Scores on dev-B (84 gold persons)
and the held-out synthetic set; "raw" = the trained model alone, "+ rules" = with
`aktindsigt_name_rules_v2` in its final form (runs e2-e5 were scored with an earlier, weaker version
of the rules, marked *).

| run | recipe | dev-B PER P / R / F1 raw | dev-B PER P / R / F1 + rules | dev-B overall F1 + rules | synthetic PER recall + rules |
| --- | --- | ---: | ---: | ---: | ---: |
| e1 | v1 features, real sentences only (x3), no substitution, no synthetic documents | 0.69 / 0.83 / 0.75 | | | 0.60 (raw) |
| e3 | v2 features, real only | 0.73 / 0.88 / 0.80 | 0.81 / 0.89 / 0.85* | 0.72* | 0.77* |
| e2 | v2 features, round-1 mix (real x3, 4 substituted copies, 800 synthetic documents), seed 1 | 0.64 / 0.92 / 0.76 | 0.72 / 0.91 / 0.80* | 0.73* | 0.98* |
| e5 | same, seed 2 | 0.63 / 0.91 / 0.74 | 0.76 / 0.92 / 0.83* | 0.75* | 0.98* |
| e4 | v2, 2 substituted copies | 0.67 / 0.95 / 0.78 | 0.73 / 0.94 / 0.82* | 0.74* | 0.98* |
| e7 | v2 + GeoNames places, real x3, 4 substituted copies, no synthetic documents | 0.70 / 0.91 / 0.79 | | | 0.86 (raw) |
| e9 | v2 + places, real x5, 1 substituted copy, 600 synthetic documents, seed 1 | 0.68 / 0.93 / 0.78 | 0.76 / 0.93 / 0.83* | 0.74* | 0.98* |
| e11 | same, seed 2 | 0.69 / 0.94 / 0.80 | 0.77 / 0.93 / 0.84 | 0.74 | 0.97 |
| **e6 (shipped recipe)** | v2 + places, real x5, 1 substituted copy, 400 synthetic documents, seed 1 | 0.73 / 0.96 / 0.83 | **0.81 / 0.95 / 0.87** | 0.76 | 0.97 |
| e10 | same, seed 2 | 0.70 / 0.95 / 0.80 | 0.77 / 0.94 / 0.85 | 0.76 | 0.97 |

Findings:

- **The lexicon flags** are worth ~4-5 F1 points on news text in every mix (e1 -> e3: 0.75 -> 0.80 raw;
  e2 vs round 1's exp8: 0.71 -> 0.76 raw). The "ordinary Danish word" flag separates "Processen" from
  "Hansen", which wordfreq's frequencies (which count names too) cannot.
- **The rules** add another 4-7 points of PER precision on news text at no recall cost, because the
  lists tell apart what the model confuses (an ordinary word, a country, a company name made of
  English words). Two rules were tuned on the held-out synthetic set's misses (extend a cut-off
  surname; a one-word member of a list of persons), and one threshold (drop a leading capitalised
  ordinary word only when Zipf >= 3) after it removed rare first names ("Samer", "Asser"); that set
  flatters them somewhat.
- **Less augmentation helps news text**: with 4 name-substituted copies of every real sentence and
  800 generated documents the raw model reached 0.74-0.76 on dev-B (e2, e5), with 2 copies 0.78 (e4),
  with one copy, the real sentences 5x and 400 generated documents 0.80-0.83 (e6, e10) - the
  augmented text teaches the model that any capitalised unknown word may be a person. Real sentences
  alone (e3) are as good on news text but useless on case documents (synthetic recall 0.77). 600
  generated documents instead of 400 were ~2 points worse on dev-B (2 seeds each) for no synthetic
  gain that mattered.
- Seed spread is still ~3 F1 points on dev-B (e6 0.874 vs e10 0.845); seed 1 is shipped because it is
  the recipe's default seed, not because it scored best.

### Round 1: name features, synthetic documents, boundary rules (session 1)

All runs: single seed (seed 1) unless noted, model selected on dev-B entity F1, scores on dev-B
(78 gold persons - one person is ~1.3 recall points, so differences of a few points are noise;
the feasibility study saw ~6 F1 points of seed spread) and on the held-out synthetic set. "rules" =
the boundary-repair component `aktindsigt_name_rules`. The machine was shared with other jobs
(load 8-9 on 2 cores), so only one seed per recipe could be afforded.

| run | recipe | dev-B PER P / R / F1 | dev-B PER token recall | synthetic PER F1 (R) | synthetic PER recall, names outside Faker lists |
| --- | --- | ---: | ---: | ---: | ---: |
| exp1 | features, train+dev-A x2, 4x name substitution, 1,500 synthetic docs with 15 % lower-case e-mails | 0.59 / 0.89 / 0.71 | 0.99 | (older held-out set) | |
| exp3 | same as exp2 but **no synthetic documents** | 0.58 / 0.91 / 0.71 | 0.97 | 0.69 (0.78) | 0.75 |
| exp2 | features, real x3, 800 synthetic docs, fewer lower-cased names | 0.58 / 0.87 / 0.70 | 0.98 | 0.90 (0.89) | 0.86 |
| exp2 + rules | | 0.59 / 0.88 / 0.71 | 0.98 | 0.96 (0.95) | 0.95 |
| exp4 | exp2 + LOC/ORG substitution in the real sentences (towns, countries, municipalities, organisations) | 0.66 / 0.87 / 0.75 | 0.99 | 0.87 (0.87) | 0.85 |
| exp4 + rules | | 0.67 / 0.88 / 0.76 | 0.99 | 0.93 (0.93) | 0.93 |
| exp5 + rules | exp4 with tok2vec width 64 instead of 96 (checkpoint picked at step 600 on dev-B) | 0.60 / 0.87 / 0.71 | 0.99 | 0.91 (0.89) | 0.87 |
| exp6 + rules | width 64, dropout 0.2, checkpoint picked on dev-B + 50 generated docs | 0.61 / 0.83 / 0.70 | 0.97 | 0.94 (0.93) | 0.93 |
| exp7 + rules | exp6 with 6 substituted copies, 70 % LOC / 60 % ORG substituted, 600 synthetic docs | 0.60 / 0.89 / 0.72 | 0.98 | 0.92 (0.90) | 0.89 |
| **exp8 + rules (shipped recipe)** | exp6 with bigger hash tables: NORM 20,000 rows (was 5,000), SUFFIX 5,000 (was 2,500) | 0.58 / 0.90 / 0.71 | 0.99 | 0.96 (0.96) | 0.95 |
| exp9 + rules | exp8 with the real sentences repeated 5x instead of 3x | 0.60 / 0.88 / 0.71 | 0.98 | 0.95 (0.96) | 0.96 |

**Seed spread of the shipped recipe** (exp8 recipe, seeds 1/2/3, + rules): dev-B PER F1
0.707 / 0.730 / 0.694, overall F1 0.668 / 0.669 / 0.640; held-out synthetic PER F1 0.957 / 0.919 / 0.921,
PER recall 0.963 / 0.923 / 0.941. Seed 1 is shipped because it scored best on the selection set
(87.6 vs 87.5 and 86.6 entity F1), not because of its dev-B or held-out scores.

Findings:

- **Generated municipal documents** are what makes the model work on case documents: without
  them held-out synthetic PER F1 was 0.69 and recall on names outside the run-time lists 0.75; with
  them 0.90-0.96 and 0.86-0.95. They did not cost anything measurable on dev-B.
- **Names from the full name statistics in the training text** (synthetic documents and
  name-substituted real sentences) teach the model tens of thousands of names through its hash
  embeddings, so the shipped model needs only Faker's small lists at run time. We did not build the
  teacher/student route of the feasibility notes (teacher with gazetteer features labelling
  generated text): our generated text is labelled exactly by construction, so a teacher adds no
  labels, and there is no unlabelled Danish raw text available from PyPI to self-train on.
- **Replacing LOC/ORG entities in the real sentences** with sampled places/organisations lifted
  dev-B PER precision from ~0.58 to ~0.66 (fewer foreign places and clubs called PER).
- **Lower-casing many names** in the generated e-mails (exp1: 15 % of e-mails fully lower case, 4 % of
  names) made the model tag ordinary lower-case words as PER on news text; reduced to 7 % / 1.5 %.
- **Boundary rules**: cutting PER at a slash/punctuation token and dropping a leading title or very
  common word ("Ifølge", "Kære", Zipf >= 5) fixed most held-out synthetic "misses" (which were
  boundary errors such as "Kontakt Isa Jørgensen" or "G. Svensson /"). A looser threshold
  (Zipf >= 3) removed real first names that are also frequent in wordfreq (Irina, Leo, Diana):
  PER token recall fell 0.985 -> 0.962, so it was not kept. Caveat: these rules were written after
  looking at errors on the held-out synthetic set, so that set flatters them somewhat.
- **A name-list rule** (Faker first name outside any entity -> PER) changed nothing on dev-B once the
  model had the name features; not kept.
- **Bigger hash tables** for NORM/SUFFIX (exp8) lifted held-out synthetic PER recall from 0.93 to
  0.96 (fewer collisions among the many names seen in training); +1.7 MB on disk, no speed cost.
- **News text (dev-B) did not move reliably** with any of these changes: PER F1 0.70-0.76 across
  runs, i.e. within the seed spread. The errors left are mostly organisations, places and titles
  of works called PER ("Trabzonspor", "Superbrugsen", "Run Rig", "Hongkong") - PER precision ~0.6
  while PER recall is ~0.9 and PER token recall ~0.99.
- **More weight on the real sentences** (exp9, 5x instead of 3x) did not change dev-B; not kept.
- **Speed**: the "efficiency" tok2vec at width 96 ran at only ~8,500 words per CPU-second on the
  loaded machine; width 64 (about half the matrix work) was chosen to keep >= 10,000 words/s.
- Not tried for lack of time/CPU: tok2vec pretraining (no Danish raw text is shipped on PyPI in
  a usable amount; wordfreq ships only frequencies), ensembles (would halve the speed), the
  "accuracy" config (the feasibility study found it no better), several seeds per recipe.
"""
