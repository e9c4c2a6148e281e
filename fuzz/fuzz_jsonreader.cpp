// JsonReader, the strict pull reader under the hot decoders, on its own: it must never read past
// its text or recurse without bound, and it must be a strict subset of QJsonDocument: whatever it
// accepts as one complete document QJsonDocument accepts too (the decoders fall back to
// QJsonDocument for everything JsonReader refuses, never the other way round). Every string it
// accepts must convert to the text QJsonDocument reads for it.
#include "api/jsonreader.h"
#include "fuzzcheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace prego;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text = fuzz::bytes(data, size);

    JsonReader reader(text);
    const char first = reader.peek();
    const bool accepted = reader.skipValue() && reader.atEnd();
    if (accepted && (first == '{' || first == '[')) {
        QJsonParseError error;
        (void)QJsonDocument::fromJson(text, &error);
        FUZZ_CHECK(error.error == QJsonParseError::NoError);
    }

    // A lone string or number: what readString / readNumber give must be what QJsonDocument
    // reads for the same token inside an array.
    JsonReader scalar(text);
    if (scalar.peek() == '"') {
        JsonString s;
        if (scalar.readString(&s) && scalar.atEnd()) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson('[' + text + ']', &error);
            FUZZ_CHECK(error.error == QJsonParseError::NoError);
            FUZZ_CHECK(doc.array().at(0).toString() == s.toString());
        }
    } else if (first == '-' || (first >= '0' && first <= '9')) {
        double d = 0;
        if (scalar.readNumber(&d) && scalar.atEnd()) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson('[' + text + ']', &error);
            FUZZ_CHECK(error.error == QJsonParseError::NoError);
            const double reference = doc.array().at(0).toDouble();
            FUZZ_CHECK(d == reference);
        }
    }
    return 0;
}
