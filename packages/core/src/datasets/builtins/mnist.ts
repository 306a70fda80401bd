/** MNIST handwritten digits (LeCun et al. 1998): 60,000 train and 10,000 test 28x28 images. */
import { z } from "zod";
import { defineDataset } from "../define-dataset.js";
import { idxFiles, loadIdxImages } from "../readers/idx-images.js";

const files = idxFiles(
  "mnist",
  ["https://ossci-datasets.s3.amazonaws.com/mnist/", "http://yann.lecun.com/exdb/mnist/"],
  {
    trainImages: [9912422, "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"],
    trainLabels: [28881, "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"],
    testImages: [1648877, "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"],
    testLabels: [4542, "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"],
  },
);

export const mnist = defineDataset({
  name: "mnist",
  summary: "MNIST handwritten digits, 28x28 greyscale in [0,1], 60,000 train / 10,000 test",
  citation:
    "Y. LeCun, L. Bottou, Y. Bengio, P. Haffner. Gradient-based learning applied to document recognition. Proc. IEEE 86(11), 1998.",
  license: "CC BY-SA 3.0",
  params: z.object({}).strict(),
  files: Object.values(files),
  load: (_params, ctx) => loadIdxImages("mnist", files, ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], ctx),
});
