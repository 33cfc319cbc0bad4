/** The parts of ml-cart 2.1.1 (untyped) that ml-cart-engine.ts uses, as found in its src/. */
declare module "ml-cart" {
  export interface MlCartNode {
    /** Set on split nodes: rows with x[splitColumn] < splitValue go left. */
    splitColumn?: number;
    splitValue?: number;
    left?: MlCartNode;
    right?: MlCartNode;
  }

  export class DecisionTreeClassifier {
    constructor(options?: { gainFunction?: "gini"; maxDepth?: number; minNumSamples?: number; gainThreshold?: number });
    root: MlCartNode;
    train(trainingSet: number[][], labels: number[]): void;
    /** The most probable class index per row. */
    predict(rows: number[][]): number[];
  }
}
