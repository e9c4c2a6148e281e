#pragma once

#include <QLocale>

namespace prego::Translations {

// Installs the application's translation for this locale (Korean, or English for plural forms)
// and Qt's own (qtbase) translation, replacing what an earlier call installed. Sets the default
// QLocale so numbers and dates follow the same language. Returns false when the application's
// translation for that language is not available.
bool install(const QLocale &locale);

// Korean when the locale says Korean, else English. "" and "system" follow the system locale.
QLocale resolve(const QString &languageOption);

} // namespace prego::Translations
