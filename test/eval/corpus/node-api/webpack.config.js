const path = require('path');
const webpack = require('webpack');
const { SubresourceIntegrityPlugin } = require('webpack-subresource-integrity');

const isProduction = process.env.NODE_ENV === 'production';

module.exports = {
  mode: isProduction ? 'production' : 'development',
  entry: { app: './src/ui/index.tsx' },
  output: {
    path: path.resolve(__dirname, 'public/build'),
    filename: isProduction ? '[name].[contenthash:8].js' : '[name].js',
    crossOriginLoading: 'anonymous',
  },
  resolve: { extensions: ['.tsx', '.ts', '.js'] },
  module: {
    rules: [{ test: /\.tsx?$/, use: 'ts-loader', exclude: /node_modules/ }],
  },
  devtool: isProduction ? 'source-map' : 'eval-cheap-module-source-map',
  plugins: [
    new webpack.DefinePlugin({
      'process.env.API_BASE_URL': JSON.stringify(process.env.API_BASE_URL || 'http://localhost:3000'),
      'process.env.SENTRY_DSN': JSON.stringify(process.env.SENTRY_DSN || ''),
      __BUILD_SHA__: JSON.stringify(process.env.GIT_SHA || 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3'),
    }),
    new SubresourceIntegrityPlugin({ hashFuncNames: ['sha384'], enabled: isProduction }),
  ],
  devServer: {
    port: 8081,
    proxy: { '/api': { target: 'https://localhost:3443', changeOrigin: true } },
  },
};
