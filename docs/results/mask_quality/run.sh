#!/usr/bin/env bash
# Regenerates the mask-quality result files in this folder with harl's own CLI (no other software involved):
#   tuning/*.txt  the self-training round choice, on dataset seed 999 (200 test images per dataset)
#   *.txt         the reported numbers, on dataset seed 12345 (500 test images per dataset), never used for tuning
#   natural_composites.txt  the same proposers on the 200 images of datasets/natural_composites (evaluation only)
#   saliency_head/*.txt     saliency_head of a given encoder run on all three sources (*.c4*.txt: a head on C4)
# The forest under test is the bundled one; retrain it first with ./retrain-bundled-forest.sh to check it.
set -euo pipefail
cd "$(dirname "$0")/../../.."
OUT=docs/results/mask_quality
eval_on() { # dataset seed count proposer [--set k=v]...
    local d=$1 seed=$2 count=$3 p=$4
    shift 4
    ./harl masks eval --dataset "$d" --dataset-set image_size=128 --dataset-set seed="$seed" --proposer "$p" \
        --count "$count" "$@" 2>/dev/null
}
case "${1:-report}" in
    tuning) # forests of each self-training round, from: retrain-bundled-forest.sh --keep-rounds --out /tmp/t.bin.gz
        mkdir -p "$OUT/tuning"
        for d in synthetic_objects fashion_composites; do
            for f in "${@:2}"; do
                echo "== $(basename "$f")"
                eval_on "$d" 999 200 drfi --set model="$f"
            done > "$OUT/tuning/$d.txt"
        done
        ;;
    report)
        for d in synthetic_objects fashion_composites; do
            for p in drfi felzenszwalb center_prior full_image ground_truth; do
                eval_on "$d" 12345 500 "$p"
            done > "$OUT/$d.txt"
        done
        ;;
    composites)
        NC=datasets/natural_composites
        for p in drfi felzenszwalb center_prior full_image ground_truth; do
            ./harl masks eval --dataset image_folder --dataset-set train_root=$NC/images --dataset-set mask_root=$NC/masks \
                --dataset-set test_root=$NC/images --dataset-set test_mask_root=$NC/masks --proposer "$p" --count 200 \
                2>/dev/null
        done > "$OUT/natural_composites.txt"
        ;;
    saliency) # saliency_head of an encoder run (RUN_DIR, made as saliency_head/README.md says) on all three sources,
        # at the head's own input side (<d>.txt) and at input_side=128 (<d>.input_side128.txt); STAGE c4 scores a
        # head trained with --feature-stage c4 (<d>.c4.txt, <d>.c4.input_side128.txt)
        RUN=${2:?usage: run.sh saliency RUN_DIR [c5|c4]}
        STAGE=${3:-c5}
        mkdir -p "$OUT/saliency_head"
        NC=datasets/natural_composites
        for side in 0 128; do
            suffix=$([[ $STAGE == c5 ]] && echo "" || echo ".$STAGE")$([[ $side == 0 ]] && echo "" || echo ".input_side$side")
            for d in synthetic_objects fashion_composites; do
                eval_on "$d" 12345 500 saliency_head --set encoder="$RUN" --set input_side=$side \
                    --set feature_stage="$STAGE" > "$OUT/saliency_head/$d$suffix.txt"
            done
            ./harl masks eval --dataset image_folder --dataset-set train_root=$NC/images --dataset-set mask_root=$NC/masks \
                --dataset-set test_root=$NC/images --dataset-set test_mask_root=$NC/masks --proposer saliency_head \
                --set encoder="$RUN" --set input_side=$side --set feature_stage="$STAGE" --count 200 2>/dev/null \
                > "$OUT/saliency_head/natural_composites$suffix.txt"
        done
        ;;
    *) echo "usage: run.sh [report | composites | saliency RUN_DIR [c5|c4] | tuning FOREST...]" >&2; exit 2 ;;
esac
