"""``wcif-desktop sample OUT.wcif``: write the bundled sample evaluation."""

from pathlib import Path


def register(sub):
    p = sub.add_parser("sample", help="write the bundled sample evaluation (Hohhot 2021) to a new file")
    p.add_argument("out", type=Path, help="new evaluation file (.wcif)")
    p.set_defaults(handler=run)


def run(args) -> int:
    from ..services.sample import write_sample

    path = write_sample(args.out)
    print(f"已写入样例评价：{path}")
    return 0
