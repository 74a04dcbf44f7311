/* Webpack for the task pane and ribbon commands, laid out like the Office Yeoman React template:
 * `npm run build` → dist/, `npm run dev-server` → https://localhost:3000 (the URLs in manifest.xml). */
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');


const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const { CspPlugin } = require('./scripts/csp');
const { publicUrl } = require('./scripts/public-url');

const DEV_URL = 'https://localhost:3000/';
/** Pages that load Office.js from Microsoft's CDN (their CSP allows it); every other page runs on its own files. */
const OFFICE_PAGES = new Set(['taskpane.html', 'commands.html']);

/** Packages that must never be in the first download of the task pane; they come in through import(). */
const LAZY_ONLY = ['exceljs'];
/** Entries that run in a Web Worker (not part of any page's first download; the LAZY_ONLY rule does not apply). */
const WORKER_ENTRIES = ['worker'];

/**
 * Dev-server certificates trusted by Office, from office-addin-dev-certs (it may ask to install a local CA).
 * Only called by `webpack serve`, never by a build or a test.
 */
async function httpsServerOptions() {
  try {
    const devCerts = require('office-addin-dev-certs');
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { type: 'https', options: { ca, key, cert } };
  } catch (error) {
    console.warn(
      `office-addin-dev-certs could not provide certificates (${error.message}); ` +
        'falling back to a self-signed certificate that Office may refuse. Run: npx office-addin-dev-certs install',
    );
    return { type: 'https' };
  }
}

/** The .xlsx files in examples/ (copied next to preview.html). */
function previewExamples() {
  try {
    return fs.readdirSync(path.join(__dirname, 'examples')).filter((f) => f.endsWith('.xlsx')).sort();
  } catch {
    return [];
  }
}

/** Fails the build when a LAZY_ONLY package ends up in a chunk loaded at start-up by an entry point. */
class LazyOnlyPlugin {
  apply(compiler) {
    compiler.hooks.afterCompile.tap('LazyOnlyPlugin', (compilation) => {
      const pattern = new RegExp(`[\\\\/]node_modules[\\\\/](${LAZY_ONLY.join('|')})[\\\\/]`);
      for (const [name, entrypoint] of compilation.entrypoints) {
        if (WORKER_ENTRIES.includes(name)) continue;
        for (const chunk of entrypoint.chunks) {
          for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            const resource = module.resource || (module.rootModule && module.rootModule.resource) || '';
            if (pattern.test(resource)) {
              const { WebpackError } = compiler.webpack;
              compilation.errors.push(
                new WebpackError(
                  `${path.relative(__dirname, resource)} is in the initial chunks of entry "${name}": ` +
                    `load ${LAZY_ONLY.join(', ')} with a dynamic import() so it stays out of the first download.`,
                ),
              );
              return;
            }
          }
        }
      }
    });
  }
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === 'development';
  // Where the production build will be hosted (`npm run build -- --env url=https://…/` or ADDIN_PUBLIC_URL):
  // manifest.xml in the output is rewritten to it. Checked before anything is built.
  const prodUrl = dev ? null : publicUrl(env.url ?? process.env.ADDIN_PUBLIC_URL ?? process.env.ADDIN_PROD_URL);
  const outDir = env.out ? path.resolve(env.out) : path.resolve(__dirname, 'dist');
  return {
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      // The task pane against an in-browser workbook, for trying it without Excel and for e2e tests.
      preview: './src/preview/preview.tsx',
      // The engine's Web Worker (src/worker): county workbooks read, checked and consolidated off the main thread.
      // One self-contained file, loaded by the pages as `worker.js`.
      worker: { import: './src/worker/worker.ts', filename: 'worker.js', chunkLoading: false, asyncChunks: false },
    },
    output: {
      path: outDir,
      filename: '[name].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      // ExcelJS's browser build needs none of these; say so rather than let webpack 5 error or polyfill them.
      fallback: {
        fs: false,
        path: false,
        os: false,
        crypto: false,
        stream: false,
        zlib: false,
        util: false,
        buffer: false,
        events: false,
        string_decoder: false,
        constants: false,
        assert: false,
        process: false,
      },
    },
    module: {
      // The prebuilt ExcelJS browser bundle (its package "browser" field) has no imports for webpack to follow.
      noParse: /[\\/]node_modules[\\/]exceljs[\\/]dist[\\/]/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, configFile: path.resolve(__dirname, 'tsconfig.webpack.json') },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: 'async',
        cacheGroups: {
          // Lazy-loaded heavy code in its own long-cacheable chunk.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: 'exceljs',
            chunks: 'async',
            priority: 20,
            enforce: true,
          },
        },
      },
    },
    performance: {
      // Task panes open in a narrow web view, often on slow government networks: keep the first download small.
      hints: dev ? false : 'warning',
      maxEntrypointSize: 600 * 1024,
      maxAssetSize: 1200 * 1024,
      // The worker (engine and ExcelJS) is fetched only when 汇总 or 公示 runs, never with the pane.
      assetFilter: (file) => file.endsWith('.js') && file !== 'worker.js',
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      // The browser version (no Excel needed), at the site's root so a static server shows it by default;
      // preview.html is the same page under its earlier name.
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/preview/preview.html',
        chunks: ['preview'],
      }),
      new HtmlWebpackPlugin({
        filename: 'preview.html',
        template: './src/preview/preview.html',
        chunks: ['preview'],
      }),
      // The manifest's SupportUrl: what the add-in does, where data goes (nowhere), what to do when it fails.
      new HtmlWebpackPlugin({
        filename: 'support.html',
        template: './src/support/support.html',
        inject: false,
      }),
      new CspPlugin({ office: (page) => OFFICE_PAGES.has(page), dev }),
      // The sample workbooks the preview page links to (`preview.html?file=annex3-mistakes.xlsx`).
      new webpack.DefinePlugin({ PREVIEW_EXAMPLES: JSON.stringify(previewExamples()) }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'examples/*.xlsx', to: 'examples/[name][ext]', noErrorOnMissing: true },
          {
            from: 'manifest*.xml',
            to: '[name][ext]',
            transform(content) {
              if (!prodUrl) return content;
              return content.toString().split(DEV_URL).join(prodUrl);
            },
          },
        ],
      }),
      new LazyOnlyPlugin(),
    ],
    devServer: {
      hot: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: env && env.WEBPACK_SERVE ? await httpsServerOptions() : 'https',
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
    },
  };
};
