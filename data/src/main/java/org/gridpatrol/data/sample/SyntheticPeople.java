package org.gridpatrol.data.sample;

import org.gridpatrol.geo.register.ResidentIdNumber;

import java.time.LocalDate;
import java.util.Random;

/**
 * Synthetic personal fields: names from common surnames and given-name characters, mobile numbers
 * in the 13x–19x ranges, resident ID numbers with a valid check character. None belongs to a real
 * person; they exist so that privacy rules have something to protect in tests and the demo.
 */
final class SyntheticPeople {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
            "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "郑", "汪", "毛", "祝", "余"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋",
            "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "建", "国"};
    /** Region codes of Quzhou's districts and counties, where the real registers would come from. */
    private static final String[] REGIONS = {"330802", "330803", "330822", "330824", "330825", "330881"};

    private final Random random;

    SyntheticPeople(Random random) {
        this.random = random;
    }

    String name() {
        String given = GIVEN[random.nextInt(GIVEN.length)];
        if (random.nextBoolean()) {
            given += GIVEN[random.nextInt(GIVEN.length)];
        }
        return SURNAMES[random.nextInt(SURNAMES.length)] + given;
    }

    String phone() {
        return "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
    }

    ResidentIdNumber idNumber(boolean elderly) {
        int age = elderly ? 70 + random.nextInt(25) : 20 + random.nextInt(55);
        LocalDate birth = LocalDate.of(2025 - age, 1, 1).plusDays(random.nextInt(365));
        return ResidentIdNumber.of(REGIONS[random.nextInt(REGIONS.length)], birth, random.nextInt(1000));
    }
}
