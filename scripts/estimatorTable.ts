/**
 * `npm run estimator-table`: bias, standard deviation and evaluations of f per
 * estimate of every registered estimator on the REBAR toy problem
 * E[(b − 0.45)²] (Tucker et al. 2017), at a fixed logit, temperature and seed,
 * on tfjs's cpu backend in node, printed as a Markdown table (the README's).
 * The exact gradient is known in closed form, so the bias is measured, with its
 * standard error sd/√N beside it.
 */
import * as tf from '../src/ml/tfjs';
import '@tensorflow/tfjs-backend-cpu';
import { estimators } from '../src/ml/estimators/registry';
import { LearnedState } from '../src/ml/estimators/learnedState';
import { singleSampleEstimates } from '../src/ml/estimators/singleSampleEstimates';
import { estimatorVariance } from '../src/ml/estimators/surrogate';
import { annealedSlope } from '../src/ml/estimators/annealedStraightThrough';
import { deriveSeed } from '../src/ml/counterHash';
import { exact, makeProblem } from '../src/ml/toyProblems';
import { seed, temperature } from '../src/ml/types';

/** The point measured: logits [0, φ], so p(b = 1) = σ(φ). */
const PHI = 1;
const TAU = 0.5;
const SEED = 2017;
/** Estimates per estimator: the standard error of a bias is sd/√N ≈ sd/224. */
const N = 50_000;
/** REBAR's and RELAX's parameters: Adam steps on the estimator's variance at this point, each on a batch of this many estimates. */
const TRAIN_STEPS = 300;
const TRAIN_BATCH = 64;
/** Slope-annealed ST's slope: its value at step 1,000 of the schedule (a = 3; at a = 1 it is straight-through). */
const SLOPE_STEP = 1000;
const SLOPE = annealedSlope(SLOPE_STEP);
/** How the table names an estimator's era. */
const eraLabel = { lecture: 'lecture', paper: 'paper', 'since-2017': 'since 2017' } as const;

await tf.setBackend('cpu');
await tf.ready();
const started = Date.now();
const problem = makeProblem('rebar', 2);
const logits = [0, PHI];
const truth = exact(problem, logits);
// ∂E/∂φ = ∂E/∂l₁ (every estimator here acts on softmax(l), so its two components sum to 0).
const exactValue = truth.gradient[1]!;

const fmt = (x: number, digits = 4) => x.toFixed(digits).replace(/^-/, '−');
const rows: string[] = [];
for (const e of estimators) {
  // An estimator that learns parameters (REBAR, RELAX) first trains them here, as the lab does.
  const learned = e.learned ? new LearnedState(e, [2], seed(SEED)) : null;
  for (let step = 0; learned && step < TRAIN_STEPS; step++) {
    learned.step(() =>
      estimatorVariance(e.id, {
        logits: tf.tile(tf.tensor2d([logits]), [TRAIN_BATCH, 1]),
        f: problem.f,
        temperature: temperature(TAU),
        seed: deriveSeed(seed(SEED), 0x7a, step),
        own: learned.own,
      }),
    );
  }
  const values = await singleSampleEstimates(e.id, problem, logits, N, {
    tau: temperature(TAU),
    seed: seed(SEED),
    // Estimators with a moving-average baseline get the one it settles to: E f here.
    baseline: truth.value,
    ...(learned ? { own: learned.own } : {}),
    slope: SLOPE,
  });
  learned?.dispose();
  let mean = 0;
  for (let r = 0; r < N; r++) mean += values[2 * r + 1]! / N;
  let ss = 0;
  for (let r = 0; r < N; r++) ss += (values[2 * r + 1]! - mean) ** 2;
  const sd = Math.sqrt(ss / (N - 1));
  const bias = mean - exactValue;
  rows.push(
    `| ${e.label} | ${eraLabel[e.era]} | ${e.unbiased ? 'yes' : 'no'} | ` +
      `${fmt(bias, 5)} ± ${fmt(sd / Math.sqrt(N), 5)} | ${fmt(sd)} | ${e.evaluations} | ${fmt(sd * Math.sqrt(e.evaluations))} |`,
  );
}
const seconds = ((Date.now() - started) / 1000).toFixed(0);

console.log(
  `On E[(b − 0.45)²] at logits [0, ${PHI}] (p(b = 1) = ${(1 / (1 + Math.exp(-PHI))).toFixed(3)}), ` +
    `T = ${TAU}, seed ${SEED}, ${N.toLocaleString('en')} single estimates of ∂E/∂φ each ` +
    `(exact: ${exactValue.toFixed(5)}); REINFORCE + baseline with b = E f; REBAR's and RELAX's ` +
    `parameters after ${TRAIN_STEPS} Adam steps on their variance at this point (batches of ${TRAIN_BATCH}); ` +
    `slope-annealed ST at slope a = ${SLOPE} (its schedule's value at step ${SLOPE_STEP.toLocaleString('en')}); ` +
    `no variance normalization; tfjs cpu backend in node, ${seconds} s.\n`,
);
console.log(
  '| Estimator | from | unbiased | bias ± s.e. | sd | evaluations of f | sd × √evaluations |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
console.log(
  '\nsd × √evaluations is the spread at equal cost: an estimator that evaluates f e times ' +
    'against the mean of e one-evaluation estimates (whose sd is sd/√e).',
);
