"""``wcif-desktop backups FILE.wcif`` lists the rolling backups of an evaluation file; ``wcif-desktop restore-backup
BACKUP.wcif -o NEW.wcif`` writes a complete evaluation file from one (evidence put back from the chunk store).
See ``docs/file-safety.md``. Exit codes: 0 done, 2 refused (reason printed, nothing written)."""

from __future__ import annotations

from pathlib import Path


def register(sub):
    p = sub.add_parser("backups", help="list the rolling backups of an evaluation file (newest last)")
    p.add_argument("path", type=Path, metavar="FILE.wcif", help="evaluation file")
    p.set_defaults(handler=run_list)
    p = sub.add_parser("restore-backup", help="write a complete evaluation file from one of its backups")
    p.add_argument("backup", type=Path, metavar="BACKUP.wcif", help="a backup listed by 'backups'")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="NEW.wcif", help="new file to write")
    p.set_defaults(handler=run_restore)


def run_list(args) -> int:
    from ..services.evaluation import backup_folder, backups

    found = backups(args.path)
    if not found:
        print(f"没有备份（备份文件夹：{backup_folder(args.path)}）")
        return 0
    for b, nbytes in found:
        size = f"{nbytes / 2**20:.1f} MB" if nbytes is not None else "?"
        print(f"{b}  （备份时文件大小 {size}）")
    return 0


def run_restore(args) -> int:
    from ..services.evaluation import restore_backup

    out = restore_backup(args.backup, args.output)
    print(f"已从备份恢复：{out}")
    return 0
