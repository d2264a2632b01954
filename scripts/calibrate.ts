import { calibrateConvert } from "./calibrate/convert.js";

/*
 * `npm run calibrate`: the product's judgements against the hand-labelled development
 * documents in ../shared/real-okrs (skipped when absent). Each module prints its own table.
 */

await calibrateConvert();
