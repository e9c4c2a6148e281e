#include "i18n/translations.h"

#include <QApplication>
#include <gtest/gtest.h>

// Widget tests get a QApplication (the other tests get gtestmain.cpp's QCoreApplication).
int main(int argc, char **argv)
{
    // Test discovery runs without CTest's environment: never ask for a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("prego-test"));
    QApplication::setApplicationName(QStringLiteral("prego-console-test"));
    // English with its plural forms, whatever the machine's locale: tests assert the texts.
    prego::Translations::install(QLocale(QLocale::English, QLocale::UnitedStates));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
