/** Fashion-MNIST (Xiao, Rasul, Vollgraf 2017): Zalando article images in MNIST's format. */
import { z } from "zod";
import { defineDataset } from "../define-dataset.js";
import { idxFiles, loadIdxImages } from "../readers/idx-images.js";

const files = idxFiles("fashion-mnist", ["http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"], {
  trainImages: [26421880, "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"],
  trainLabels: [29515, "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"],
  testImages: [4422102, "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"],
  testLabels: [5148, "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5"],
});

const CLASSES = [
  "t-shirt/top",
  "trouser",
  "pullover",
  "dress",
  "coat",
  "sandal",
  "shirt",
  "sneaker",
  "bag",
  "ankle boot",
];

export const fashionMnist = defineDataset({
  name: "fashion-mnist",
  summary: "Fashion-MNIST clothing images, 28x28 greyscale in [0,1], 60,000 train / 10,000 test",
  citation:
    "H. Xiao, K. Rasul, R. Vollgraf. Fashion-MNIST: a novel image dataset for benchmarking machine learning algorithms. arXiv:1708.07747, 2017.",
  license: "MIT, (c) 2017 Zalando SE",
  params: z.object({}).strict(),
  files: Object.values(files),
  load: (_params, ctx) => loadIdxImages("fashion-mnist", files, CLASSES, ctx),
});
