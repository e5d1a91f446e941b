/** The two data sets the race trains on, and the model sizes that suit them. */

export type DatasetName = 'digits' | 'fashion';

export interface DatasetInfo {
  label: string;
  /** Path under the app's base URL. */
  file: string;
  /** Where it comes from, for the credit line under the widget. */
  credit: string;
  /** Hidden units of the encoder's and the decoder's one hidden layer. */
  hidden: number;
  /** Default latent variables N and classes K. */
  latents: number;
  classes: number;
  batch: number;
  /** Held-out images evaluated for the −ELBO curve (all of them). */
  heldOut: number;
  /** Training images in the file. */
  train: number;
  /** Width and height of its square images, in pixels. */
  side: number;
}

export const datasets: Record<DatasetName, DatasetInfo> = {
  digits: {
    label: '8×8 digits',
    file: 'data/digits.bin',
    credit: 'UCI Optical Recognition of Handwritten Digits (Alpaydin & Kaynak), CC BY 4.0',
    hidden: 128,
    latents: 8,
    classes: 4,
    batch: 64,
    heldOut: 297,
    train: 1500,
    side: 8,
  },
  fashion: {
    label: 'Fashion-MNIST 28×28',
    file: 'data/fashion-mnist.bin',
    credit: 'Fashion-MNIST (Xiao, Rasul & Vollgraf, Zalando Research), MIT licence',
    // Smaller than the paper's 512-256 layers and batch 100, so that the five
    // models step a few times a second on a laptop without a GPU.
    hidden: 128,
    latents: 20,
    classes: 10,
    batch: 32,
    heldOut: 1000,
    train: 5000,
    side: 28,
  },
};

export const datasetNames = Object.keys(datasets) as DatasetName[];
