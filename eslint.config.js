import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';

/*
 * Layers point one way (STYLE.md, "The shape we aim for"): app/ may use
 * everything below it; widgets/ use deck-level stores, plots/, ml/ and math/,
 * never app/ or a sibling widget; deck/ knows no widget; ml/ knows no DOM; and
 * tfjs is imported only in ml/. Each rule is a list of forbidden import sources
 * (regular expressions on the path as written), checked for static imports and
 * re-exports by `no-restricted-imports` and for `import()` by
 * `no-restricted-syntax`, so that a lazy import cannot slip past a layer.
 */

/** An import path that passes through a folder of one of these names (at any depth). */
const through = (...names) => `(^|/)(${names.join('|')})(/|$)`;
const forbid = (regex, message) => ({ regex, message });

/** Every widget folder: each may import none of the others. */
const widgetNames = readdirSync(new URL('./src/widgets/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
  .map((entry) => entry.name);

const noTfjs = [
  forbid('^@tensorflow/', 'tfjs is imported only in src/ml (through src/ml/tfjs.ts).'),
  forbid(
    '(^|/)ml/tfjs(\\.ts)?$',
    'Tensor code lives in src/ml: call a function of src/ml that takes and returns plain numbers.',
  ),
];
const noApp = forbid(through('app'), 'Only the shell (src/app) and main.tsx may import src/app.');
const noRuntime = forbid(through('runtime'), 'The training runtime sits above this layer.');
const noTesting = forbid(through('testing'), 'src/testing is the test build’s API, not app code.');
/** The files at the root of src/widgets that know every widget. */
const noWidgetRegistry = forbid(
  '(^|/)widgets/(registry|WidgetSlot)$|^\\.\\./(registry|WidgetSlot)$',
  'A widget may not import the registry or the slot: they import every widget.',
);

/** The `no-restricted-syntax` selector that refuses `import()` of a forbidden path. */
const dynamicImport = ({ regex, message }) => ({
  // esquery's regular expressions may not hold a slash: write it as \x2F.
  selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\x2F')}/]`,
  message,
});

/** One layer's rule: these files may not import these paths. */
const layer = (files, forbidden, options = {}) => ({
  files,
  ...options,
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden }],
    'no-restricted-syntax': ['error', ...forbidden.map(dynamicImport)],
    ...options.rules,
  },
});

const ts = '**/*.{ts,tsx}';
const layerRules = [
  // Numerics stay pure: no DOM, React or d3-selection in src/ml (STYLE.md, convention 1).
  layer(
    ['src/ml/**/*.ts'],
    [
      forbid('^(react|react-dom)(/|$)', 'src/ml is pure numerics.'),
      forbid('^d3(-selection)?$', 'src/ml is pure numerics.'),
      forbid(
        through('app', 'deck', 'widgets', 'plots', 'math', 'lecture', 'runtime', 'testing'),
        'src/ml is pure numerics: it imports only itself and tfjs.',
      ),
    ],
    { rules: { 'no-restricted-globals': ['error', 'document', 'window'] } },
  ),
  // The deck knows no widget: the shell hands the slide view its figure renderer.
  layer(
    [`src/deck/${ts}`],
    [
      forbid(through('app', 'widgets'), 'src/deck knows no widget and no shell.'),
      noRuntime,
      noTesting,
      ...noTfjs,
    ],
  ),
  // A widget uses deck-level stores, widgets/shared, plots, ml and math; never
  // the shell, the registry or a sibling widget.
  ...widgetNames.map((name) =>
    layer(
      [`src/widgets/${name}/${ts}`],
      [
        noApp,
        noWidgetRegistry,
        noTesting,
        ...noTfjs,
        ...(widgetNames.length > 1
          ? [
              forbid(
                through(...widgetNames.filter((other) => other !== name)),
                'A widget imports no other widget: move what two share into widgets/shared, plots/ or ml/.',
              ),
            ]
          : []),
      ],
    ),
  ),
  // What widgets share depends on no widget (its tests may check every widget's schema).
  layer(
    [`src/widgets/shared/${ts}`],
    [
      noApp,
      noWidgetRegistry,
      noTesting,
      ...noTfjs,
      forbid(through(...widgetNames), 'widgets/shared is shared by the widgets: it imports none.'),
    ],
    { ignores: ['src/widgets/shared/**/*.test.{ts,tsx}'] },
  ),
  layer(['src/widgets/shared/**/*.test.{ts,tsx}'], [noApp, noTesting, ...noTfjs]),
  // The slot and the registry know every widget, but not the shell.
  layer([`src/widgets/*.{ts,tsx}`], [noApp, noTesting, ...noTfjs]),
  // Charts are handed a container and data.
  layer(
    [`src/plots/${ts}`],
    [
      forbid(through('app', 'deck', 'widgets'), 'src/plots draws charts from data.'),
      noRuntime,
      noTesting,
      ...noTfjs,
    ],
  ),
  layer(
    [`src/math/${ts}`],
    [
      forbid(through('app', 'deck', 'widgets', 'plots', 'ml'), 'src/math typesets TeX only.'),
      noRuntime,
      noTesting,
      ...noTfjs,
    ],
  ),
  layer(
    [`src/lecture/${ts}`],
    [noApp, forbid(through('widgets'), 'The lecture is content.'), ...noTfjs],
  ),
  // The shell may use every layer below it, but tensors only through src/ml.
  layer([`src/app/${ts}`], [noTesting, ...noTfjs]),
  // The training runtime drives runs in a worker. The worker itself reads
  // tf.memory() for its reports, and the runtime's tests count tensors to check
  // for leaks, so those files may import src/ml/tfjs; the rest may not.
  layer([`src/runtime/${ts}`], [noApp, noTesting, ...noTfjs], {
    ignores: ['src/runtime/trainingWorker.ts', 'src/runtime/**/*.test.ts'],
  }),
  layer(['src/runtime/trainingWorker.ts', 'src/runtime/**/*.test.ts'], [noApp, noTesting]),
];

export default tseslint.config(
  { ignores: ['dist/', 'dist-e2e/', 'node_modules/', 'tests/.artifacts/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  ...layerRules,
);
