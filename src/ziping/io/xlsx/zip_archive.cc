#include "ziping/io/xlsx/zip_archive.h"

#include <zip.h>

#include "ziping/io/xlsx/limits.h"

namespace ziping::io::xlsx {

struct ZipArchive::Impl {
  zip_t* archive = nullptr;
};

ZipArchive::ZipArchive(std::string_view bytes) : impl_(std::make_unique<Impl>()) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    status_ = Status::NotAZip;
    error_ = zip_error_strerror(&error);
    zip_error_fini(&error);
    return;
  }
  impl_->archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (impl_->archive == nullptr) {
    zip_source_free(source);
    status_ = Status::NotAZip;
    error_ = zip_error_strerror(&error);
    zip_error_fini(&error);
    return;
  }
  zip_error_fini(&error);
  zip_int64_t entries = zip_get_num_entries(impl_->archive, 0);
  if (entries < 0 || std::size_t(entries) > kMaxZipEntries) {
    status_ = Status::TooManyEntries;
    error_ = std::to_string(entries);
  }
}

ZipArchive::~ZipArchive() {
  if (impl_->archive != nullptr) zip_discard(impl_->archive);
}

namespace {

std::string member_name(std::string_view name) {
  while (!name.empty() && name.front() == '/') name.remove_prefix(1);
  return std::string(name);
}

} // namespace

bool ZipArchive::has(std::string_view name) const {
  if (impl_->archive == nullptr || status_ != Status::Ok) return false;
  return zip_name_locate(impl_->archive, member_name(name).c_str(), ZIP_FL_NOCASE) >= 0;
}

std::optional<std::string> ZipArchive::read(std::string_view name, Status& status) {
  status = Status::Missing;
  if (impl_->archive == nullptr || status_ != Status::Ok) return std::nullopt;
  zip_int64_t index = zip_name_locate(impl_->archive, member_name(name).c_str(), ZIP_FL_NOCASE);
  if (index < 0) return std::nullopt;
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(impl_->archive, zip_uint64_t(index), 0, &stat) != 0) {
    status = Status::Unreadable;
    return std::nullopt;
  }
  std::size_t budget = std::min(kMaxPartBytes, kMaxUnpackedBytes - unpacked_);
  // The declared size is a claim, not a fact: it is checked here and again while reading.
  if ((stat.valid & ZIP_STAT_SIZE) && stat.size > budget) {
    status = Status::TooLarge;
    return std::nullopt;
  }
  zip_file_t* file = zip_fopen_index(impl_->archive, zip_uint64_t(index), 0);
  if (file == nullptr) {
    status = Status::Unreadable;
    return std::nullopt;
  }
  std::string out;
  char buffer[1 << 16];
  while (true) {
    zip_int64_t got = zip_fread(file, buffer, sizeof buffer);
    if (got < 0) {
      zip_fclose(file);
      status = Status::Unreadable;
      return std::nullopt;
    }
    if (got == 0) break;
    if (out.size() + std::size_t(got) > budget) {
      zip_fclose(file);
      status = Status::TooLarge;
      return std::nullopt;
    }
    out.append(buffer, std::size_t(got));
  }
  zip_fclose(file);
  unpacked_ += out.size();
  status = Status::Ok;
  return out;
}

} // namespace ziping::io::xlsx
