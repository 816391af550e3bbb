#!/usr/bin/env bash
# Retrains the DRFI forest bundled with harl, label-free: pseudo-labels from priors, then self-training rounds, on
# the train-split IMAGES (their masks are never read) of dataset seed 7 — a seed no experiment pretrains or
# evaluates on, and neither the tuning seed (999) nor the reported seed (12345). ROUNDS=N sets the self-training
# rounds (4, chosen on seed 999: README.md); FOREST=FILE writes elsewhere; extra
# arguments are appended, e.g. FOREST=/tmp/t.bin.gz ./retrain-bundled-forest.sh --keep-rounds writes every round's
# forest (/tmp/t.round0.bin.gz ...) for run.sh tuning.
set -euo pipefail
cd "$(dirname "$0")/../../.."
./harl masks train-drfi --dataset synthetic_objects --dataset fashion_composites --dataset-set image_size=128 \
    --dataset-set seed=7 --count 150 --max-regions 5 --trees 50 --depth 10 --seed 1 --self-train-rounds "${ROUNDS:-4}" \
    --out "${FOREST:-plugins/harl-plugin-masks/src/main/resources/org/harl/plugins/masks/drfi-forest.bin.gz}" "$@"
