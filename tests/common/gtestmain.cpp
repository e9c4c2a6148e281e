#include "i18n/translations.h"

#include <QCoreApplication>
#include <gtest/gtest.h>

// Every test binary gets a QCoreApplication so QNetworkAccessManager and event loops work.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // English with its plural forms, whatever the machine's locale: tests assert the texts.
    prego::Translations::install(QLocale(QLocale::English, QLocale::UnitedStates));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
