"""The real datasets the levels use, each pinned to public bytes by sha256.

URLs point at a commit, not a branch, so the bytes cannot change under us. The
provenance of every file is in the project's data notes (SOURCES.md of the data
folder); a copy in ``MLROADMAP_DATA`` with the same sha256 is used as is.
"""

from __future__ import annotations

from level0.datasets.registry import Dataset, File, Folder, register

__all__: list[str] = []

RAW = "https://raw.githubusercontent.com"
CC_BY_4 = "CC BY 4.0 (UCI Machine Learning Repository)"

_TITANIC = f"{RAW}/aba450/titanic-kaggle/035203bae36f55098ca90996db9f392506ffc5b9"
register(
    Dataset(
        name="titanic",
        directory="titanic",
        title="Titanic: Machine Learning from Disaster (Kaggle train.csv and test.csv)",
        licence="Kaggle competition data under the competition rules; no open licence stated",
        citation="Kaggle, Titanic - Machine Learning from Disaster, https://www.kaggle.com/competitions/titanic",
        items=(
            File(
                "titanic/train.csv",
                f"{_TITANIC}/train.csv",
                "7d118fef8b6ccf7f81111877bc388536f7b1e498a655e3d649d19aaa010e9f6f",
                61_194,
            ),
            File(
                "titanic/test.csv",
                f"{_TITANIC}/test.csv",
                "56023b9948236f3c7a1c9448fcf418b283e109ef177fa8c7e069158dd7dd52b2",
                28_629,
            ),
        ),
    )
)

_SMS_ZIP = f"{RAW}/j4anvii/sms_classification/60eb4c0f7576dcca1945b25b418791bd865c3fc0/smsspamcollection.zip"
register(
    Dataset(
        name="sms_spam",
        directory="sms_spam",
        title="SMS Spam Collection v.1 (UCI 228)",
        licence=CC_BY_4,
        citation="Almeida, Gómez Hidalgo and Yamakami, Contributions to the Study of SMS Spam "
        "Filtering, DocEng 2011",
        items=(
            File(
                "sms_spam/SMSSpamCollection",
                _SMS_ZIP,
                "7d039a24a6083ed9ef0f806ebad56bbb976e3aeb8de05669173bfdc4996c239d",
                477_907,
                member="SMSSpamCollection",
            ),
            File(
                "sms_spam/readme",
                _SMS_ZIP,
                "8753cd2d3cab68f80c8257851b8c2037778c267f55accb6fd1b5a2e32d36a84e",
                5_868,
                member="readme",
            ),
        ),
    )
)

register(
    Dataset(
        name="housing",
        directory="housing",
        title="California housing, 1990 census block groups (Hands-On ML edition)",
        licence="No licence stated for the data (the hosting repository is Apache-2.0)",
        citation="Pace and Barry, Sparse Spatial Autoregressions, Statistics & Probability "
        "Letters 33 (1997); modified by A. Géron for Hands-On Machine Learning",
        items=(
            File(
                "housing/housing.csv",
                f"{RAW}/ageron/handson-ml2/aa555aa16b9d0af6c84e67c7757f3317d05acb12/datasets/housing/housing.csv",
                "8a3727f4cf54ac1a327f69b1d5b4db54c5834ea81c6e4efc0d163300022a685e",
                1_423_529,
            ),
        ),
    )
)

_STOCKS = f"{RAW}/CNuge/kaggle-code/f1109438d6cfb3ffdaa7d4480437cfbaaedd3236/stock_data/individual_stocks_5yr"
_STOCK_FILES = {
    "AAPL": ("2d8446ec898312bb0e943772cbb83b017b4d1b3e5f1ceb09e717ef2d71f75efa", 67_207),
    "AMZN": ("e9bbd26aef939918dbf1acc96ccab7138dbed04d0cb1c19fa7910c176a4cc5ae", 65_218),
    "GOOGL": ("cc64e0d78e0846d94d24907db8da3600ab1b8081615db9eb419653873801afa9", 68_816),
    "IBM": ("511aecd1ec883688aa4695a8f57c0e5e1e378322b21ed9afb86b5d0649f2e99f", 63_848),
    "JNJ": ("b0c473281588913db6e90abf42a1847a43b26212ce3f01671a27d494dd4e8f90", 62_349),
    "JPM": ("955ed900600f282e66b4f599fc2ac798e4fae087b5e83975cc17ee2b8a342679", 60_329),
    "KO": ("cee9e60a14987350f12a493db16652cae8f044e12c4b91e9e2d4f347245cc9f3", 58_669),
    "MSFT": ("0615f91de0762e7218a0e3753ab2b4412de110459e83e91331d59e7ac190b89b", 61_547),
    "WMT": ("0150e1c1d48cb8741e0f7baa167c7f724e0f9ae237710758c8a135beb64128f1", 59_215),
    "XOM": ("bd951e9365ffebf56fd163f396e2126c340757d4b65045dd8a1d7f74057a40a0", 60_043),
}
register(
    Dataset(
        name="stocks",
        directory="stocks",
        title="S&P 500 daily prices 2013-02-08 to 2018-02-07, ten tickers (Kaggle, Cam Nugent)",
        licence="MIT (the author's repository, (c) 2017 Cam Nugent)",
        citation="Cam Nugent, S&P 500 stock data, https://www.kaggle.com/datasets/camnugent/sandp500",
        items=tuple(
            File(f"stocks/{ticker}_data.csv", f"{_STOCKS}/{ticker}_data.csv", sha, size)
            for ticker, (sha, size) in _STOCK_FILES.items()
        ),
    )
)

_SENTIMENT_ZIP = (
    f"{RAW}/Finesomtoe/sentimentanalysis/2f7369333bf4db4932a13da420fbfc93a4084819/"
    "sentiment%20labelled%20sentences.zip"
)
_SENTIMENT_FILES = {
    "amazon_cells_labelled.txt": (
        "47003fc0a0d4840b00e96e715b6189bad09e7443a3da41c4cbe12ffc79f86ae3",
        58_226,
    ),
    "imdb_labelled.txt": (
        "aef2e49e3da25714d61175e3a6e68eeef74a20a2f914318dc3be9947ea86512d",
        85_285,
    ),
    "yelp_labelled.txt": (
        "c76468b7b5c6e56a0804d728345c5f84aa2142ddb214420f61cc9cfd4c00d2ea",
        61_320,
    ),
    "readme.txt": ("736c26aa54e3614459e50314ece0698051f0923d108ed53938dcb1aa0483bfd4", 1_070),
}
register(
    Dataset(
        name="sentiment",
        directory="sentiment",
        title="Sentiment Labelled Sentences: Amazon, IMDB and Yelp (UCI 331)",
        licence=CC_BY_4,
        citation="Kotzias, Denil, de Freitas and Smyth, From Group to Individual Labels using "
        "Deep Features, KDD 2015",
        items=tuple(
            File(
                f"sentiment/{name}",
                _SENTIMENT_ZIP,
                sha,
                size,
                member=f"sentiment labelled sentences/{name}",
            )
            for name, (sha, size) in _SENTIMENT_FILES.items()
        ),
    )
)

_BOOKS_COMMIT = "9e162e074cc2d50d8797bd56679827aa1bd2230e"
register(
    Dataset(
        name="products",
        directory="products",
        title="books.toscrape.com: the full catalogue as 50 category CSVs, plus two saved pages",
        licence="None stated by the site or the scraping repository",
        citation="Zyte (Scrapinghub), books.toscrape.com scraping sandbox; CSVs scraped in 2021 "
        "by github.com/Antakathena/OC_P2",
        items=(
            Folder(
                "products/books_toscrape",
                f"https://github.com/Antakathena/OC_P2/archive/{_BOOKS_COMMIT}.tar.gz",
                "029deb77371119eb7aec2e5c59628f972145efffb67182f6db891a7a6372c480",
                files=50,
                size=1_715_173,
                member_prefix=f"OC_P2-{_BOOKS_COMMIT}/",
                pattern="*.csv",
            ),
            File(
                "products/html/index.html",
                f"{RAW}/bomquote/transistor/5659053596455336a57e8f820ff63b53b06044db/"
                "tests/books_toscrape/books_toscrape_index.html",
                "9fdd63da34161ebd13408d7a85105f83ec3c9f351c5d77cd0aa578790e121c1e",
                51_294,
            ),
            File(
                "products/html/a-light-in-the-attic_1000.html",
                f"{RAW}/vypivshiy/selector_schema_codegen/677aae8914ccfe4f95b1c2c0842dceddc636934d/"
                "tests/pages/book.html",
                "98ad0fe790451d8c0e55c8b9f392f34b2a2af077885b142fc40da243012d04e5",
                8_254,
            ),
        ),
    )
)

register(
    Dataset(
        name="sensors",
        directory="sensors",
        title="Air Quality: hourly readings of a gas multisensor device, 2004-2005 (UCI 360)",
        licence=CC_BY_4,
        citation="De Vito et al., On field calibration of an electronic nose for benzene "
        "estimation in an urban pollution monitoring scenario, Sensors and Actuators B 129 (2008)",
        items=(
            File(
                "sensors/AirQualityUCI.csv",
                f"{RAW}/erlanggapratamaP/airqualitydataset/60350b9c9fd2aa767de80e935cf03696d4179b6f/"
                "AirQualityUCI.zip",
                "13277ae5d8581e80b7be09d47c7d3d06fe9b8e957078f2cf6e859f955e62f996",
                785_065,
                member="AirQualityUCI.csv",
                archive_sha256="d4a64013fb385288a8a48d9d193ca7079b2e1bbddf6f8d458feb8c08ab2b8a2a",
            ),
        ),
    )
)

_ENRON_TAR = f"{RAW}/ankancode/RNN-LSTM/ce1629ee1ff74f2bc5537aefdb7a82642e573277/enron1.tar.gz"
register(
    Dataset(
        name="enron_spam",
        directory="emails/enron_spam",
        title="Enron-Spam preprocessed, part enron1: 3,672 ham and 1,500 spam emails",
        licence="No licence stated; distributed freely for research",
        citation="Metsis, Androutsopoulos and Paliouras, Spam Filtering with Naive Bayes - "
        "Which Naive Bayes?, CEAS 2006",
        items=(
            Folder(
                "emails/enron_spam/enron1",
                _ENRON_TAR,
                "e01fe9d8ba69b90f2a42d9ce8b0d50d3bd149199002f772bd5576f78a9226316",
                files=5_173,
                size=5_720_136,
                member_prefix="enron1/",
                archive_sha256="fc85a8d3fa5e9845a7ee572de3e92ae057f7c2be06171818539ef0983da89ad8",
            ),
        ),
    )
)

_AESLC_COMMIT = "615a3175f57fa0e3fbd44b596e295d3a33c256e6"
_AESLC_TAR = f"https://github.com/ryanzhumich/AESLC/archive/{_AESLC_COMMIT}.tar.gz"
register(
    Dataset(
        name="aeslc",
        directory="emails/aeslc",
        title="AESLC: Enron emails with human-written subject lines, dev and test splits",
        licence="CC BY-NC-SA 4.0",
        citation="Zhang and Tetreault, This Email Could Save Your Life: Introducing the Task of "
        "Email Subject Line Generation, ACL 2019",
        items=(
            Folder(
                "emails/aeslc/enron_subject_line/dev",
                _AESLC_TAR,
                "bfd7a34467eb92731df08e1e14aba8b51ff3f11ff708fdf8acc6dbbfc3fcc69a",
                files=1_960,
                size=2_011_256,
                member_prefix=f"AESLC-{_AESLC_COMMIT}/enron_subject_line/dev/",
            ),
            Folder(
                "emails/aeslc/enron_subject_line/test",
                _AESLC_TAR,
                "fb8b3dc16e4171a3c6a5fae02b30ceab088ea2940bea9b886c798704c66dcba8",
                files=1_906,
                size=1_731_442,
                member_prefix=f"AESLC-{_AESLC_COMMIT}/enron_subject_line/test/",
            ),
        ),
    )
)

_CLINC = f"{RAW}/clinc/oos-eval/828f8093932c8fe6ca7936c3d2e52903b1c523de/data"
register(
    Dataset(
        name="clinc150",
        directory="clinc150",
        title="CLINC150: 150 intents in 10 domains, with out-of-scope queries (data_full)",
        licence="CC BY 3.0",
        citation="Larson et al., An Evaluation Dataset for Intent Classification and "
        "Out-of-Scope Prediction, EMNLP 2019",
        items=(
            File(
                "clinc150/data_full.json",
                f"{_CLINC}/data_full.json",
                "36923c3705a59e08fe9c3883d8bc2dd966ef93e22cb78ac41171782a698d56e0",
                2_495_390,
            ),
            File(
                "clinc150/domains.json",
                f"{_CLINC}/domains.json",
                "b947b579d3b8e74b06f93b01083d8efaff2888b43a3e362533bd88a6e1211b3a",
                3_818,
            ),
        ),
    )
)

_MNIST = "https://ossci-datasets.s3.amazonaws.com/mnist"
register(
    Dataset(
        name="mnist",
        directory="mnist",
        title="MNIST handwritten digits: 60,000 training and 10,000 test images, 28x28 (IDX)",
        licence="CC BY-SA 3.0 (Yann LeCun and Corinna Cortes)",
        citation="LeCun, Bottou, Bengio and Haffner, Gradient-Based Learning Applied to "
        "Document Recognition, Proc. IEEE 86 (1998)",
        items=tuple(
            File(f"mnist/{name}", f"{_MNIST}/{name}", sha256, size)
            for name, sha256, size in (
                (
                    "train-images-idx3-ubyte.gz",
                    "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                    9_912_422,
                ),
                (
                    "train-labels-idx1-ubyte.gz",
                    "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                    28_881,
                ),
                (
                    "t10k-images-idx3-ubyte.gz",
                    "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                    1_648_877,
                ),
                (
                    "t10k-labels-idx1-ubyte.gz",
                    "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
                    4_542,
                ),
            )
        ),
    )
)

_FASHION = (
    f"{RAW}/zalandoresearch/fashion-mnist/b2617bb6d3ffa2e429640350f613e3291e10b141/data/fashion"
)
register(
    Dataset(
        name="fashion_mnist",
        directory="fashion_mnist",
        title="Fashion-MNIST: Zalando article images in 10 categories, 60,000 + 10,000, 28x28 (IDX)",
        licence="MIT (Zalando SE)",
        citation="Xiao, Rasul and Vollgraf, Fashion-MNIST: a Novel Image Dataset for "
        "Benchmarking Machine Learning Algorithms, arXiv:1708.07747 (2017)",
        items=tuple(
            File(f"fashion_mnist/{name}", f"{_FASHION}/{name}", sha256, size)
            for name, sha256, size in (
                (
                    "train-images-idx3-ubyte.gz",
                    "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
                    26_421_880,
                ),
                (
                    "train-labels-idx1-ubyte.gz",
                    "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
                    29_515,
                ),
                (
                    "t10k-images-idx3-ubyte.gz",
                    "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
                    4_422_102,
                ),
                (
                    "t10k-labels-idx1-ubyte.gz",
                    "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
                    5_148,
                ),
            )
        ),
    )
)
