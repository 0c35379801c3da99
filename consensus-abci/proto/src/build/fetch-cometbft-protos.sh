#!/usr/bin/env bash
# Copies the ABCI .proto files of the pinned CometBFT release out of its Go module and strips the
# gogoproto options (Go-only code generation hints) so that plain protoc can compile them for Java.
# Usage: fetch-cometbft-protos.sh OUT_DIR
set -euo pipefail
out=${1:?usage: fetch-cometbft-protos.sh OUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)
version=$(tr -d '[:space:]' < "$here/../../../../bin/cometbft-version")
command -v go >/dev/null 2>&1 || {
  echo "error: Go is required to fetch CometBFT $version protos (go mod download); install Go 1.22+" >&2
  exit 1
}
module_dir=$(go mod download -json "github.com/cometbft/cometbft@$version" \
  | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$module_dir/proto/tendermint" ] || {
  echo "error: go mod download gave no proto dir for cometbft@$version (got '$module_dir')" >&2
  exit 1
}
files=(abci/types.proto crypto/proof.proto crypto/keys.proto types/params.proto types/validator.proto)
rm -rf "$out" && mkdir -p "$out"
for f in "${files[@]}"; do
  mkdir -p "$out/tendermint/$(dirname "$f")"
  perl -0pe '
    s{^import\s+"gogoproto/gogo\.proto";\s*\n}{}mg;
    s{^\s*option\s+\(gogoproto\.[^;]*;\s*\n}{}mg;
    s{\s*\[\s*\(gogoproto\.[^\]]*\]}{}g;
    s{^(package\s+[\w.]+;)}{$1\noption java_multiple_files = true;}m;
  ' "$module_dir/proto/tendermint/$f" > "$out/tendermint/$f"
  if grep -v "^[[:space:]]*//" "$out/tendermint/$f" | grep -q gogoproto; then
    echo "error: gogoproto options left in $f after stripping" >&2
    exit 1
  fi
done
echo "cometbft $version protos -> $out"
