#pragma once

#include <QString>
#include <QStringView>

namespace prego {

// Tenant ids as the control-plane contract defines them, and the stack names derived from them.
namespace TenantId {

inline constexpr int MaxLength = 63;
inline constexpr int MaxSanitizedLength = 48;

// 1–63 of [A-Za-z0-9._-], starting with a letter or digit.
bool isValid(QStringView tenantId);

// Lowercase; each run of '.', '_' or '-' becomes one '-'; trim '-' at both ends; cut to 48
// characters and trim again. "Acme_Corp.EU" -> "acme-corp-eu". Input must be valid.
QString sanitize(QStringView tenantId);

// The Pulumi stack of a dedicated tenant: "dedicated-{sanitized}".
QString dedicatedStack(QStringView tenantId);

} // namespace TenantId
} // namespace prego
