/**
 * 附件3 推荐对象汇总表 of the ili-2025 notice: 一、先进集体 and 二、先进个人, both on one sheet.
 * Labels are the seed's; synonyms are the variants counties type.
 */
import { formDefSchema, type FormDef } from './form';

const seq = { role: 'seq', label: '序号', labelEn: 'No.', synonyms: ['编号', '序'], required: true };
const unitType = { role: 'unitType', label: '单位性质', labelEn: 'Unit type', synonyms: ['单位类型', '单位属性'], required: true };
const remark = { role: 'remark', label: '备注', labelEn: 'Remarks', synonyms: ['说明'], required: false };
const category = { role: 'category', label: '推荐方面', labelEn: 'Category', synonyms: ['方面', '推荐类别', '类别'], required: false };
const subcategory = { role: 'subcategory', label: '子类', labelEn: 'Sub-category', synonyms: ['细分类别'], required: false };

export const annex3Collective: FormDef = formDefSchema.parse({
  kind: 'annex3.collective',
  title: { zh: '先进集体推荐对象汇总表', en: 'Summary of nominated collectives' },
  source: 'ili-2025 附件3 一',
  columns: [
    seq,
    { role: 'collectiveName', label: '先进集体名称', labelEn: 'Collective', synonyms: ['集体名称', '单位名称', '先进集体'], required: true },
    { role: 'uscc', label: '统一社会信用代码', labelEn: 'Unified social credit code', synonyms: ['社会信用代码', '信用代码', '统一信用代码'], required: false },
    unitType,
    { role: 'leaderName', label: '负责人姓名', labelEn: 'Head', synonyms: ['负责人'], required: true },
    { role: 'leaderTitle', label: '负责人职务', labelEn: "Head's position", synonyms: [], required: true },
    { role: 'contactName', label: '联系人姓名', labelEn: 'Contact', synonyms: ['联系人'], required: true },
    { role: 'contactPhone', label: '联系人电话', labelEn: 'Contact phone', synonyms: ['联系电话', '联系人手机', '联系方式'], required: true },
    category,
    subcategory,
    remark,
  ],
  identifying: ['collectiveName'],
  minMatches: 3,
});

export const annex3Individual: FormDef = formDefSchema.parse({
  kind: 'annex3.individual',
  title: { zh: '先进个人推荐对象汇总表', en: 'Summary of nominated individuals' },
  source: 'ili-2025 附件3 二',
  columns: [
    seq,
    { role: 'name', label: '姓名', labelEn: 'Name', synonyms: ['姓 名'], required: true },
    { role: 'gender', label: '性别', labelEn: 'Gender', synonyms: [], required: true },
    { role: 'ethnicity', label: '民族', labelEn: 'Ethnicity', synonyms: [], required: true },
    { role: 'politicalStatus', label: '政治面貌', labelEn: 'Political status', synonyms: [], required: true },
    { role: 'education', label: '学历学位', labelEn: 'Education', synonyms: ['学历', '文化程度', '学历(学位)'], required: true },
    { role: 'employer', label: '工作单位', labelEn: 'Employer', synonyms: ['单位', '所在单位'], required: true },
    unitType,
    { role: 'position', label: '职务', labelEn: 'Position', synonyms: ['职务职称', '职务(职称)'], required: true },
    { role: 'residentId', label: '身份证号', labelEn: 'ID number', synonyms: ['身份证号码', '公民身份号码', '身份证', '证件号码'], required: true },
    { role: 'phone', label: '联系电话', labelEn: 'Phone', synonyms: ['电话', '手机', '手机号', '手机号码', '联系方式'], required: true },
    category,
    subcategory,
    remark,
  ],
  combined: [
    { label: '工作单位及职务', roles: ['employer', 'position'] },
    { label: '工作单位和职务', roles: ['employer', 'position'] },
    { label: '工作单位及职务(职称)', roles: ['employer', 'position'] },
    { label: '单位及职务', roles: ['employer', 'position'] },
  ],
  identifying: ['name'],
  minMatches: 4,
});
