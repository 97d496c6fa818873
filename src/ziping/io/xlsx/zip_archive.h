// io/xlsx/zip_archive.h — the members of a zip archive held in memory (libzip), read with
// hard limits on sizes and counts so that a zip bomb costs nothing. Only this file and its
// .cc know libzip.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace ziping::io::xlsx {

// The parts of an OOXML package by name: a zip archive, or (for tests and fuzzing) parts
// held in memory.
class Package {
public:
  enum class Status { Ok, NotAZip, TooManyEntries, Missing, TooLarge, Unreadable };
  virtual ~Package() = default;
  virtual std::optional<std::string> read(std::string_view name, Status& status) = 0;
  virtual bool has(std::string_view name) const = 0;
};

class ZipArchive : public Package {
public:
  // Opens `bytes` (which must outlive the archive). status() says why it failed.
  explicit ZipArchive(std::string_view bytes);
  ~ZipArchive() override;
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  Status status() const { return status_; }
  const std::string& error() const { return error_; }

  // Reads a member by name (case-insensitive, a leading '/' ignored). Missing, TooLarge (the
  // member, or all members read so far, beyond the limits) or Unreadable leave it nullopt.
  std::optional<std::string> read(std::string_view name, Status& status) override;
  bool has(std::string_view name) const override;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  Status status_ = Status::Ok;
  std::string error_;
  std::size_t unpacked_ = 0;
};

} // namespace ziping::io::xlsx
