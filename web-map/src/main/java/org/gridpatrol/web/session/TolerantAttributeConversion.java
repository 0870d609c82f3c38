package org.gridpatrol.web.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;

import java.util.Set;

/**
 * How session attributes are stored: Java serialization, as Spring Session does by default, except
 * that an attribute that can no longer be read (written by another version of the application, whose
 * classes changed, e.g. Spring Security's user after an upgrade) reads as absent instead of failing
 * the request. A rolling upgrade then logs such users out once instead of answering 500.
 */
final class TolerantAttributeConversion {

    private static final Logger LOG = LoggerFactory.getLogger(TolerantAttributeConversion.class);

    private TolerantAttributeConversion() {
    }

    static GenericConversionService create(ClassLoader classLoader) {
        GenericConversionService service = new GenericConversionService();
        SerializingConverter write = new SerializingConverter();
        DeserializingConverter read = new DeserializingConverter(classLoader);
        service.addConverter(Object.class, byte[].class, write::convert);
        service.addConverter(new GenericConverter() {
            @Override
            public Set<ConvertiblePair> getConvertibleTypes() {
                return Set.of(new ConvertiblePair(byte[].class, Object.class));
            }

            @Override
            public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
                try {
                    return source == null ? null : read.convert((byte[]) source);
                } catch (RuntimeException unreadable) {
                    LOG.info("a stored session attribute cannot be read by this version ({}): treated as absent",
                            unreadable.getMessage());
                    return null;
                }
            }
        });
        return service;
    }
}
