"""Published span-exact F1 figures on the test sets, as tabulated (with their sources)
in the corpora's README (``../shared/corpora/README.md``). Systems trained on each
corpus's own training split; MSRA's is not among the recogniser's training data, so
its figures there are cross-domain while the published ones are not."""

PUBLISHED = {
    "CLUENER2020 dev": {
        "source": "README of hemingkx/CLUENER2020 (public dev set)",
        "by_type": {
            "BiLSTM+CRF": {"name": 71.49, "government": 71.29, "company": 71.06,
                           "organization": 73.29, "address": 47.37, "position": 72.33,
                           "book": 65.71, "game": 76.28, "movie": 67.53, "scene": 51.16,
                           "overall (10 types)": 67.47},
            "RoBERTa+CRF": {"name": 87.44, "government": 83.14, "company": 80.10,
                            "organization": 80.32, "address": 64.11, "position": 78.95,
                            "book": 80.94, "game": 83.74, "movie": 83.11, "scene": 71.36,
                            "overall (10 types)": 79.34},
        },
    },
    "Resume test": {
        "source": "Zhang & Yang 2018; Ma et al. 2020; Li et al. 2020",
        "overall": {"character BiLSTM-CRF": 93.48, "character + bigram BiLSTM-CRF": 94.41,
                    "Lattice LSTM": 94.46, "BERT + CRF": 95.68, "SoftLexicon + BERT": 96.11},
    },
    "Weibo test": {
        "source": "golden_horse_supplement.pdf (hltcoe/golden-horse); Zhang & Yang 2018; Ma et al. 2020",
        "named": {"CRF with jointly trained embeddings (Peng & Dredze 2015)": 51.96,
                  "LSTM-CRF with segmentation (Peng & Dredze 2016)": 55.28},
        "overall": {"CRF with jointly trained embeddings (Peng & Dredze 2015)": 56.05,
                    "LSTM-CRF with segmentation (Peng & Dredze 2016)": 58.99,
                    "character BiLSTM-CRF": 52.77, "Lattice LSTM": 58.79, "BERT + CRF": 63.80,
                    "SoftLexicon + BERT": 70.50},
    },
    "MSRA test": {
        "source": "Dong et al. 2016; Zhang & Yang 2018; Ma et al. 2020; Li et al. 2020 (trained on MSRA train)",
        "overall": {"BiLSTM-CRF with radicals (Dong et al. 2016)": 90.95,
                    "character BiLSTM-CRF": 88.81, "Lattice LSTM": 93.18, "BERT + CRF": 93.76,
                    "FLAT + BERT": 96.09},
    },
    "People's Daily test": {"source": "none traceable to a paper for this split", "overall": {}},
}
