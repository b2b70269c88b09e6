"""Password protection of exported evaluation files: AES-256-GCM in chunks, key from Scrypt.

File layout (all integers big-endian)::

    magic     8 bytes  b"WCIFENC\\x00"
    version   1 byte   2 (1: files written before the header digest; still read)
    kdf       1 byte   1 = scrypt
    log2_n    1 byte   scrypt cost (n = 2**log2_n; default 17 → 128 MiB of memory)
    r         1 byte   scrypt block size (8)
    p         1 byte   scrypt parallelism (1)
    salt     16 bytes  random
    prefix    7 bytes  random nonce prefix
    chunk     4 bytes  plaintext chunk size (default 4 MiB)
    check    16 bytes  GCM tag of the empty message under nonce ``prefix ‖ FFFFFFFF ‖ 02`` with the bytes
                       above as associated data: tells a wrong password from a damaged file
    digest   16 bytes  (version 2) first 16 bytes of SHA-256 of everything above: a damaged header is told from a
                       wrong password (without it, any changed header byte fails the check tag like a wrong one)
    then the chunks: each chunk's ciphertext followed by its 16-byte GCM tag.

Chunk ``i`` is encrypted with nonce ``prefix ‖ i (4 bytes) ‖ last (1 byte: 1 for the final chunk)`` and the
whole header as associated data (the STREAM construction of Hoang, Reyhanitabar, Rogaway & Vizár 2015): a
changed header, a reordered, dropped or truncated chunk, or a wrong password all fail authentication. The
file ends with exactly one "last" chunk (possibly empty). Memory use is one chunk, whatever the file size.

Bounds on what a header may ask for, checked before any key derivation or allocation (an incoming file is
untrusted; a crafted header must not make us allocate gigabytes): scrypt memory ``128·r·n`` at most
:data:`MAX_KDF_MEMORY` (256 MiB, twice the default), work ``n·r·p`` at most :data:`MAX_KDF_WORK` (4× the
default), chunk size from 1 KiB to :data:`MAX_CHUNK` (64 MiB). A new password has at least
:data:`MIN_PASSWORD_CHARS` characters.

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
DEFAULT_LOG2_N = 17
DEFAULT_CHUNK = 4 * 1024 * 1024
VERSION = 2
READABLE_VERSIONS = (1, 2)
KDF_SCRYPT = 1
MIN_PASSWORD_CHARS = 8
MAX_KDF_MEMORY = 256 * 2 ** 20  # bytes: scrypt needs 128·r·n
MAX_KDF_WORK = 4 * 8 * 2 ** DEFAULT_LOG2_N  # n·r·p
MIN_CHUNK = 1024
MAX_CHUNK = 64 * 2 ** 20
TAG = 16
DIGEST = 16
_HEADER = struct.Struct(">8sBBBBB16s7sI")
HEADER_SIZE = _HEADER.size + TAG + DIGEST  # version 2
HEADER_SIZE_V1 = _HEADER.size + TAG
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


def check_new_password(password: str) -> None:
    """Refuse a password too short to protect an exported file (fewer than :data:`MIN_PASSWORD_CHARS`
    characters). Only new exports are checked; a file encrypted earlier opens with whatever password it has.

    Raises:
        WcifError: empty or too short.
    """
    if not password:
        raise WcifError(QT_TRANSLATE_NOOP("core", "密码不能为空"))
    if len(password) < MIN_PASSWORD_CHARS:
        raise WcifError(QT_TRANSLATE_NOOP("core", "密码太短：至少需要 {count} 个字符"), count=MIN_PASSWORD_CHARS)


def check_parameters(log2_n: int, r: int, p: int, chunk_size: int, name: str = "") -> None:
    """Refuse key-derivation parameters or a chunk size outside what this program writes and accepts (see the
    module docstring), before any memory is allocated for them.

    Raises:
        DamagedFile: one sentence naming the file and the parameter.
    """
    if not (1 <= log2_n <= 24 and 1 <= r <= 32 and 1 <= p <= 16):
        raise DamagedFile(QT_TRANSLATE_NOOP("core", "加密文件头的密钥参数不合理（scrypt n=2^{log2_n}, r={r}, p={p}），"
                                                    "文件已损坏或不是本程序写的：{name}"),
                          log2_n=log2_n, r=r, p=p, name=name)
    n = 2 ** log2_n
    if 128 * r * n > MAX_KDF_MEMORY or n * r * p > MAX_KDF_WORK:
        raise DamagedFile(QT_TRANSLATE_NOOP("core", "加密文件头要求的密钥计算量过大（scrypt 需 {mib} MiB 内存，"
                                                    "本程序最多接受 {max_mib} MiB），拒绝打开：{name}"),
                          mib=128 * r * n // 2 ** 20, max_mib=MAX_KDF_MEMORY // 2 ** 20, name=name)
    if not MIN_CHUNK <= chunk_size <= MAX_CHUNK:
        raise DamagedFile(QT_TRANSLATE_NOOP("core", "加密文件头的分段大小不合理（{size} 字节，应在 {low}–{high} 字节之间），"
                                                    "文件已损坏：{name}"),
                          size=chunk_size, low=MIN_CHUNK, high=MAX_CHUNK, name=name)


def _key(password: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt  # imported when first needed (start-up)

    if not password:
        raise WcifError(QT_TRANSLATE_NOOP("core", "密码不能为空"))
    try:
        return Scrypt(salt=salt, length=32, n=2 ** log2_n, r=r, p=p).derive(password.encode("utf-8"))
    except MemoryError:  # pragma: no cover - within the bounds above on a machine short of memory
        raise WcifError(QT_TRANSLATE_NOOP("core", "内存不足，无法计算加密密钥")) from None


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">IB", index, 1 if last else 0)


def _digest(data: bytes) -> bytes:
    import hashlib

    return hashlib.sha256(data).digest()[:DIGEST]


def encrypt_stream(src: BinaryIO, dst: BinaryIO, password: str, *, total: int = 0,
                   log2_n: int = DEFAULT_LOG2_N, chunk_size: int = DEFAULT_CHUNK,
                   progress: Progress = NO_PROGRESS) -> None:
    """Encrypt everything readable from ``src`` to ``dst`` (see module docstring for the layout).

    ``total`` (bytes) is only used for progress. Raises :class:`~wcif_desktop.domain.errors.Cancelled`;
    WcifError: password shorter than :data:`MIN_PASSWORD_CHARS`, or parameters outside the accepted bounds.
    """
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    check_new_password(password)
    check_parameters(log2_n, 8, 1, chunk_size)
    salt = os.urandom(16)
    prefix = os.urandom(7)
    base = _HEADER.pack(MAGIC, VERSION, KDF_SCRYPT, log2_n, 8, 1, salt, prefix, chunk_size)
    aead = AESGCM(_key(password, salt, log2_n, 8, 1))
    checked = base + aead.encrypt(prefix + _CHECK_NONCE, b"", base)
    header = checked + _digest(checked)
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
        WrongPassword: wrong password (the header is intact: its digest matches).
        DamagedFile: not an encrypted export, unknown version, damaged header, parameters beyond the bounds
        (:func:`check_parameters`), altered or truncated content.
    """
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = src.read(_HEADER.size)
    if len(header) < _HEADER.size or not header.startswith(MAGIC):
        raise DamagedFile(QT_TRANSLATE_NOOP("core", "不是加密的评价导出文件，或文件头已损坏：{name}"), name=name)
    _magic, version, kdf, log2_n, r, p, salt, prefix, chunk_size = _HEADER.unpack(header)
    if version not in READABLE_VERSIONS or kdf != KDF_SCRYPT:
        if VERSION < version <= 16 and kdf == KDF_SCRYPT:
            raise DamagedFile(QT_TRANSLATE_NOOP("core", "加密文件的格式版本 {version} 不受支持（本程序支持 {supported}），请升级软件：{name}"),
                              version=version, supported=VERSION, name=name)
        raise DamagedFile(QT_TRANSLATE_NOOP("core", "加密文件头已损坏（格式版本或密钥算法无法识别）：{name}"), name=name)
    rest = src.read(TAG + (DIGEST if version >= 2 else 0))
    header += rest
    if len(header) < (HEADER_SIZE if version >= 2 else HEADER_SIZE_V1):
        raise DamagedFile(QT_TRANSLATE_NOOP("core", "加密文件不完整（被截断）：{name}"), name=name)
    if version >= 2 and _digest(header[:-DIGEST]) != header[-DIGEST:]:
        raise DamagedFile(QT_TRANSLATE_NOOP("core", "加密文件头已损坏（校验值不符），不是密码错误：{name}"), name=name)
    check_parameters(log2_n, r, p, chunk_size, name)
    aead = AESGCM(_key(password, salt, log2_n, r, p))
    try:
        aead.decrypt(prefix + _CHECK_NONCE, header[_HEADER.size:_HEADER.size + TAG], header[:_HEADER.size])
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
