"""Password protection of exported evaluation files: AES-256-GCM in chunks, key from Scrypt.

File layout (all integers big-endian)::

    magic     8 bytes  b"WCIFENC\\x00"
    version   1 byte   1
    kdf       1 byte   1 = scrypt
    log2_n    1 byte   scrypt cost (n = 2**log2_n; default 17 → 128 MiB of memory)
    r         1 byte   scrypt block size (8)
    p         1 byte   scrypt parallelism (1)
    salt     16 bytes  random
    prefix    7 bytes  random nonce prefix
    chunk     4 bytes  plaintext chunk size (default 4 MiB)
    check    16 bytes  GCM tag of the empty message under nonce ``prefix ‖ FFFFFFFF ‖ 02`` with the bytes
                       above as associated data: tells a wrong password from a damaged file
    then the chunks: each chunk's ciphertext followed by its 16-byte GCM tag.

Chunk ``i`` is encrypted with nonce ``prefix ‖ i (4 bytes) ‖ last (1 byte: 1 for the final chunk)`` and the
whole header as associated data (the STREAM construction of Hoang, Reyhanitabar, Rogaway & Vizár 2015): a
changed header, a reordered, dropped or truncated chunk, or a wrong password all fail authentication. The
file ends with exactly one "last" chunk (possibly empty). Memory use is one chunk, whatever the file size.

Errors: :class:`WrongPassword` (the check tag fails), :class:`DamagedFile` (truncated, altered or malformed).
"""

from __future__ import annotations

import os
import struct
from pathlib import Path
from typing import BinaryIO

from ..domain.errors import QT_TRANSLATE_NOOP, WcifError
from ..domain.progress import NO_PROGRESS, Progress, check

MAGIC = b"WCIFENC\x00"
VERSION = 1
KDF_SCRYPT = 1
DEFAULT_LOG2_N = 17
DEFAULT_CHUNK = 4 * 1024 * 1024
TAG = 16
_HEADER = struct.Struct(">8sBBBBB16s7sI")
HEADER_SIZE = _HEADER.size + TAG
_CHECK_NONCE = b"\xff\xff\xff\xff\x02"


class WrongPassword(WcifError):
    """The password does not open the file (or the encrypted file was altered)."""


class DamagedFile(WcifError):
    """The encrypted file is truncated or malformed."""


def is_encrypted(path) -> bool:
    """True when ``path`` starts with the encrypted-export magic."""
    try:
        with open(path, "rb") as fh:
            return fh.read(len(MAGIC)) == MAGIC
    except OSError as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法读取文件 {path}：{reason}"), path=path, reason=e) from e


def read_password_file(path) -> str:
    """The password in a text file (UTF-8, first line, without its line ending).

    Raises:
        WcifError: the file cannot be read or holds no password.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法读取密码文件 {path}：{reason}"), path=p, reason=e) from e
    line = text.splitlines()[0] if text else ""
    if not line:
        raise WcifError(QT_TRANSLATE_NOOP("core", "密码文件为空：{path}"), path=p)
    return line


def _key(password: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt  # imported when first needed (start-up)

    if not password:
        raise WcifError(QT_TRANSLATE_NOOP("core", "密码不能为空"))
    return Scrypt(salt=salt, length=32, n=2 ** log2_n, r=r, p=p).derive(password.encode("utf-8"))


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">IB", index, 1 if last else 0)


def encrypt_stream(src: BinaryIO, dst: BinaryIO, password: str, *, total: int = 0,
                   log2_n: int = DEFAULT_LOG2_N, chunk_size: int = DEFAULT_CHUNK,
                   progress: Progress = NO_PROGRESS) -> None:
    """Encrypt everything readable from ``src`` to ``dst`` (see module docstring for the layout).

    ``total`` (bytes) is only used for progress. Raises :class:`~wcif_desktop.domain.errors.Cancelled`.
    """
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt = os.urandom(16)
    prefix = os.urandom(7)
    base = _HEADER.pack(MAGIC, VERSION, KDF_SCRYPT, log2_n, 8, 1, salt, prefix, chunk_size)
    aead = AESGCM(_key(password, salt, log2_n, 8, 1))
    header = base + aead.encrypt(prefix + _CHECK_NONCE, b"", base)
    dst.write(header)
    index = 0
    done = 0
    chunk = src.read(chunk_size)
    while True:
        nxt = src.read(chunk_size) if len(chunk) == chunk_size else b""
        last = not nxt
        dst.write(aead.encrypt(_nonce(prefix, index, last), chunk, header))
        done += len(chunk)
        progress.set(done, total or done, "加密")
        check(progress)
        if last:
            break
        chunk = nxt
        index += 1
        if index >= 2 ** 32:  # pragma: no cover - 16 PiB with the default chunk
            raise WcifError(QT_TRANSLATE_NOOP("core", "文件过大，无法加密"))


def decrypt_stream(src: BinaryIO, dst: BinaryIO, password: str, *, name: str = "",
                   progress: Progress = NO_PROGRESS) -> None:
    """Decrypt a file written by :func:`encrypt_stream`; ``name`` is used in messages.

    Raises:
        WrongPassword: wrong password.
        DamagedFile: not an encrypted export, unknown version, altered or truncated.
    """
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = src.read(HEADER_SIZE)
    if len(header) < HEADER_SIZE or not header.startswith(MAGIC):
        raise DamagedFile(QT_TRANSLATE_NOOP("core", "不是加密的评价导出文件，或文件头已损坏：{name}"), name=name)
    _magic, version, kdf, log2_n, r, p, salt, prefix, chunk_size = _HEADER.unpack(header[:_HEADER.size])
    if version != VERSION or kdf != KDF_SCRYPT:
        raise DamagedFile(QT_TRANSLATE_NOOP("core", "加密文件的格式版本 {version} 不受支持（本程序支持 {supported}），请升级软件：{name}"),
                          version=version, supported=VERSION, name=name)
    if not (10 <= log2_n <= 22 and 1 <= r <= 32 and 1 <= p <= 16 and 1024 <= chunk_size <= 256 * 2 ** 20):
        raise DamagedFile(QT_TRANSLATE_NOOP("core", "加密文件头的参数不合理，文件已损坏：{name}"), name=name)
    aead = AESGCM(_key(password, salt, log2_n, r, p))
    try:
        aead.decrypt(prefix + _CHECK_NONCE, header[_HEADER.size:], header[:_HEADER.size])
    except InvalidTag:
        raise WrongPassword(QT_TRANSLATE_NOOP("core", "密码错误，无法打开加密的评价文件：{name}"), name=name) from None
    size = chunk_size + TAG
    index = 0
    done = 0
    block = src.read(size)
    while True:
        nxt = src.read(size) if len(block) == size else b""
        last = not nxt
        if len(block) < TAG:
            raise DamagedFile(QT_TRANSLATE_NOOP("core", "加密文件不完整（被截断）：{name}"), name=name)
        try:
            plain = aead.decrypt(_nonce(prefix, index, last), block, header)
        except InvalidTag:
            raise DamagedFile(QT_TRANSLATE_NOOP("core", "加密文件已损坏或不完整（第 {part} 段校验失败）：{name}"),
                              part=index + 1, name=name) from None
        dst.write(plain)
        done += len(block)
        progress.set(done, done, "解密")
        check(progress)
        if last:
            return
        block = nxt
        index += 1
