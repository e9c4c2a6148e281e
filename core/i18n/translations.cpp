#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>

using namespace Qt::StringLiterals;

namespace prego::Translations {

namespace {
std::unique_ptr<QTranslator> &appTranslator()
{
    static std::unique_ptr<QTranslator> t;
    return t;
}
std::unique_ptr<QTranslator> &qtTranslator()
{
    static std::unique_ptr<QTranslator> t;
    return t;
}
} // namespace

QLocale resolve(const QString &languageOption)
{
    const QLocale requested = languageOption.isEmpty() || languageOption == u"system"
                                  ? QLocale::system()
                                  : QLocale(languageOption);
    if (requested.language() == QLocale::Korean)
        return QLocale(QLocale::Korean, QLocale::SouthKorea);
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

bool install(const QLocale &locale)
{
    for (auto *slot : {&appTranslator(), &qtTranslator()}) {
        if (*slot) {
            QCoreApplication::removeTranslator(slot->get());
            slot->reset();
        }
    }
    QLocale::setDefault(locale);
    const bool korean = locale.language() == QLocale::Korean;
    auto app = std::make_unique<QTranslator>();
    const bool loaded = app->load(korean ? u":/i18n/prego_ko.qm"_s : u":/i18n/prego_en.qm"_s);
    if (loaded) {
        QCoreApplication::installTranslator(app.get());
        appTranslator() = std::move(app);
    }
    if (korean) {
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(locale, u"qtbase"_s, u"_"_s,
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt.get());
            qtTranslator() = std::move(qt);
        }
    }
    return loaded;
}

} // namespace prego::Translations
