# The station's N-API addon (native/README.md). node-gyp builds it during `npm install` / `npm ci`
# (scripts/native-build.mjs); `npm run test:asan` builds a copy with AddressSanitizer elsewhere
# (GYP_DEFINES=ktp_sanitize=address).
{
  'variables': {
    'ktp_sanitize%': '',
  },
  'targets': [
    {
      'target_name': 'ktp_kernels',
      'sources': ['src/addon.cc', 'src/fingerprint_features.cc', 'src/panels.cc'],
      'dependencies': ["<!(node -p \"require('node-addon-api').targets\"):node_addon_api_except"],
      # Node-API 8: Node 12.22+ / 14.17+ and every Electron since 14; the same binary loads in both.
      'defines': ['NAPI_VERSION=8'],
      # -O3, and no -ffast-math: the kernels must give the JavaScript twins' bits exactly, so the
      # compiler may neither reorder floating point nor fuse a multiply and an add (-ffp-contract=off;
      # x86-64 has no FMA in its baseline anyway, other targets do). No -march: the build runs on
      # any x86-64 the station is copied to.
      'cflags_cc': ['-O3', '-std=c++17', '-ffp-contract=off', '-fno-math-errno', '-Wall', '-Wextra'],
      'xcode_settings': {
        'OTHER_CPLUSPLUSFLAGS': ['-O3', '-std=c++17', '-ffp-contract=off', '-fno-math-errno'],
      },
      'msvs_settings': {
        'VCCLCompilerTool': { 'AdditionalOptions': ['/O2', '/fp:precise', '/std:c++17'] },
      },
      'conditions': [
        ["ktp_sanitize=='address'", {
          'cflags_cc': ['-fsanitize=address', '-fno-omit-frame-pointer', '-g', '-O1'],
          'ldflags': ['-fsanitize=address'],
        }],
      ],
    },
  ],
}
