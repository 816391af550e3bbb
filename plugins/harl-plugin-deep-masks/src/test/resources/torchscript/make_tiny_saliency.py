"""Regenerates tiny_saliency.pt, the TorchScript saliency model that TorchScriptProposerTest loads.

The model: one 1x1 convolution (3 -> 1 channels, every weight 8/3, bias 0) and a sigmoid, traced with
torch.jit.trace. Input float32 (N, 3, H, W), any H and W; output (N, 1, H, W) = sigmoid(8/3 * (R + G + B)).

Made with PyTorch 1.13.1 (Debian 12 python3-torch 1.13.1+dfsg-4), run with /usr/bin/python3; the file loads in
DJL 0.36 with libtorch 2.7.1.

Usage: /usr/bin/python3 make_tiny_saliency.py [--out DIR]   (writes DIR/tiny_saliency.pt; default: this folder)
Check: write into another folder with --out and compare (cmp) with the committed file; they are byte-identical.
(The archive's top folder is named after the file, so keep the name.)
"""
import os
import subprocess
import sys

# A traced module records the Python call stack, file names included, as debug information. Reading this script
# from standard input names it "<stdin>" there, so the bytes do not depend on where the repository lies.
if __file__ != "<stdin>":
    here = os.path.dirname(os.path.abspath(__file__))
    args = sys.argv[1:]
    if len(args) == 2 and args[0] == "--out":
        args[1] = os.path.abspath(args[1])
    with open(os.path.abspath(__file__), "rb") as source:
        sys.exit(subprocess.run([sys.executable, "-"] + args, stdin=source, cwd=here).returncode)

import argparse  # noqa: E402  (after the re-run above)

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402


class TinySaliency(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 1, 1)
        with torch.no_grad():
            self.conv.weight.fill_(8.0 / 3)
            self.conv.bias.zero_()

    def forward(self, x):
        return torch.sigmoid(self.conv(x))


p = argparse.ArgumentParser()
p.add_argument("--out", default=".")
out = os.path.join(p.parse_args().out, "tiny_saliency.pt")
if not torch.__version__.startswith("1.13."):
    sys.exit(f"make_tiny_saliency.py: needs PyTorch 1.13, found {torch.__version__}")
traced = torch.jit.trace(TinySaliency().eval(), torch.zeros(1, 3, 4, 4))
torch.jit.save(traced, out)
