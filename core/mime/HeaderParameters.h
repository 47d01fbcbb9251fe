#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace Poplar::Mime {

// A structured header value with parameters, such as Content-Type or Content-Disposition:
// `text/plain; charset="gb2312"; name*0*=utf-8''%E6%96%87; name*1=.txt`.
// RFC 2231 continuations and charset/language are joined and decoded; RFC 2047 words inside
// quoted values (a common violation) and raw 8-bit values are decoded too. When one name is
// given in several forms (`filename=` beside `filename*=` or `filename*0*=`), the extended
// form wins and the plain one is only the fallback; a repeated parameter counts once.
class HeaderParameters
{
public:
    static HeaderParameters parse(QByteArrayView raw, QByteArrayView fallbackCharset = {});

    // The value before the first ';', lower case and trimmed ("text/plain", "attachment").
    QByteArray value() const { return m_value; }
    // A parameter by name (case-insensitive), decoded; empty if absent.
    QString parameter(QByteArrayView name) const;
    bool hasParameter(QByteArrayView name) const;

private:
    struct Parameter
    {
        QByteArray name; // lower case
        QString value;
    };
    QByteArray m_value;
    QList<Parameter> m_parameters;
};

} // namespace Poplar::Mime
