#!/usr/bin/env bash
# Regenerates docs/results/masks_quality/: mask quality of each proposer on 500 test images of a held-out dataset
# seed (12345) at 128 px, one file per (dataset, proposer), as docs/masks.md tabulates. Deterministic; a few
# minutes on 2 cores (DRFI dominates). Usage: tools/figures/masks_quality.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-docs/results/masks_quality}"
mkdir -p "$out"
for dataset in synthetic_objects fashion_composites; do
    for proposer in drfi felzenszwalb center_prior full_image ground_truth; do
        cmd=(./harl masks eval --dataset "$dataset" --dataset-set image_size=128 --dataset-set seed=12345
             --proposer "$proposer" --count 500)
        # keep the summary lines only (the progress bar writes to the same stream)
        { echo "# ${cmd[*]}"; echo "# harl at commit $(git rev-parse --short HEAD), $(date -u +%F)"; "${cmd[@]}" 2>&1 | tr '\r' '\n' | grep -v '│'; } > "$out/${dataset}__${proposer}.txt"
    done
done
