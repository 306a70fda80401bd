/**
 * The original files each dataset is read from, with their sizes and SHA-256 checksums, as
 * published by the dataset authors (see docs/datasets.md for provenance). Paths are relative
 * to the data directory, in the layout of the upstream distributions.
 */

export interface SourceFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface DatasetSource {
  name: string;
  files: SourceFile[];
  license: string;
  citation: string;
}

const mnistFiles = (dir: string, sums: [string, number, string][]): SourceFile[] =>
  sums.map(([file, bytes, sha256]) => ({ path: `${dir}/${file}`, bytes, sha256 }));

export const DATASET_SOURCES: readonly DatasetSource[] = [
  {
    name: "mnist",
    files: mnistFiles("mnist", [
      ["train-images-idx3-ubyte.gz", 9912422, "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"],
      ["train-labels-idx1-ubyte.gz", 28881, "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"],
      ["t10k-images-idx3-ubyte.gz", 1648877, "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"],
      ["t10k-labels-idx1-ubyte.gz", 4542, "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"],
    ]),
    license: "CC BY-SA 3.0",
    citation:
      "LeCun, Bottou, Bengio, Haffner. Gradient-based learning applied to document recognition. Proc. IEEE 1998.",
  },
  {
    name: "fashion-mnist",
    files: mnistFiles("fashion-mnist", [
      ["train-images-idx3-ubyte.gz", 26421880, "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"],
      ["train-labels-idx1-ubyte.gz", 29515, "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"],
      ["t10k-images-idx3-ubyte.gz", 4422102, "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"],
      ["t10k-labels-idx1-ubyte.gz", 5148, "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5"],
    ]),
    license: "MIT, (c) 2017 Zalando SE",
    citation: "Xiao, Rasul, Vollgraf. Fashion-MNIST. arXiv:1708.07747, 2017.",
  },
  {
    name: "digits",
    files: [
      {
        path: "sklearn/data/digits.csv.gz",
        bytes: 57523,
        sha256: "09f66e6debdee2cd2b5ae59e0d6abbb73fc2b0e0185d2e1957e9ebb51e23aa22",
      },
    ],
    license: "BSD-3-Clause (scikit-learn); UCI data CC BY 4.0",
    citation: "Alpaydin, Kaynak. Optical Recognition of Handwritten Digits. UCI ML Repository, 1998.",
  },
  {
    name: "breast-cancer",
    files: [
      {
        path: "sklearn/data/breast_cancer.csv",
        bytes: 119913,
        sha256: "fed3eb72d0575ef6192293f5093c6e801b1476b577d0386bf4455504522172ed",
      },
    ],
    license: "BSD-3-Clause (scikit-learn); UCI data CC BY 4.0",
    citation: "Wolberg, Street, Mangasarian. Breast Cancer Wisconsin (Diagnostic). UCI ML Repository, 1995.",
  },
  {
    name: "iris",
    files: [
      {
        path: "sklearn/data/iris.csv",
        bytes: 2734,
        sha256: "f13ffa8fdd56fd8e6c8d16d4081a3fbd3114bcd0aae4256c43205169cd9d1449",
      },
    ],
    license: "BSD-3-Clause (scikit-learn); UCI data CC BY 4.0",
    citation: "Fisher. The use of multiple measurements in taxonomic problems. Annals of Eugenics, 1936.",
  },
  {
    name: "wine",
    files: [
      {
        path: "sklearn/data/wine_data.csv",
        bytes: 11157,
        sha256: "10e8a802908b34f86e5da8ce962f3c806694bc98450a18f61851af59f324bede",
      },
    ],
    license: "BSD-3-Clause (scikit-learn); UCI data CC BY 4.0",
    citation: "Aeberhard, Coomans, de Vel. Wine. UCI ML Repository, 1992.",
  },
  {
    name: "adult",
    files: [
      {
        path: "uci-adult/adult.data",
        bytes: 3974305,
        sha256: "5b00264637dbfec36bdeaab5676b0b309ff9eb788d63554ca0a249491c86603d",
      },
      {
        path: "uci-adult/adult.test",
        bytes: 2003153,
        sha256: "a2a9044bc167a35b2361efbabec64e89d69ce82d9790d2980119aac5fd7e9c05",
      },
    ],
    license: "CC BY 4.0",
    citation: "Becker, Kohavi. Adult. UCI ML Repository, 1996.",
  },
  {
    name: "spambase",
    files: [
      {
        path: "uci-spambase/spambase.data",
        bytes: 698341,
        sha256: "ebec58cfca94ea61c77df632314acae15bad410f4769d38b1a66cb41050e3431",
      },
    ],
    license: "CC BY 4.0",
    citation: "Hopkins, Reeber, Forman, Suermondt. Spambase. UCI ML Repository, 1999.",
  },
];
