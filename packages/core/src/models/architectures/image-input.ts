/** The input check of image models: [height, width, channels] inputs big enough for their receptive field. */
export function needsImage(minSide: number) {
  return (inputShape: number[]): string | undefined =>
    inputShape.length === 3 && (inputShape[0] as number) >= minSide && (inputShape[1] as number) >= minSide
      ? undefined
      : `needs images of at least ${minSide}x${minSide}xC, got input shape [${inputShape.join(", ")}]`;
}
